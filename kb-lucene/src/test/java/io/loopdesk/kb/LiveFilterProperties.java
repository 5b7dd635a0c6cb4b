package io.loopdesk.kb;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopdesk.api.kb.Article;
import io.loopdesk.api.kb.ArticleStatus;
import io.loopdesk.api.kb.Hit;
import io.loopdesk.api.kb.SearchRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * The live filter (published, effective period containing the clock's instant) is exact to the
 * millisecond, also when it is built as a query that stays the same for a whole minute: articles
 * starting or ending anywhere around the searched instant, at minute edges or inside the minute.
 */
class LiveFilterProperties {
  private static final Instant MINUTE = Instant.parse("2026-03-01T08:00:00Z");
  private static final long SPAN = 180_000;

  /**
   * An article's effective period as millisecond offsets from {@link #MINUTE}; null for open ends.
   */
  record Period(Long from, Long until, boolean published) {}

  @Provide
  Arbitrary<Long> offsets() {
    // minute edges and their neighbours are the interesting values, plus anything in three minutes
    return Arbitraries.oneOf(
        Arbitraries.of(
            -60_001L, -60_000L, -59_999L, -1L, 0L, 1L, 59_999L, 60_000L, 60_001L, 119_999L,
            120_000L),
        Arbitraries.longs().between(-SPAN, SPAN));
  }

  @Provide
  Arbitrary<Period> periods() {
    Arbitrary<Long> from = offsets().injectNull(0.2);
    Arbitrary<Long> length = Arbitraries.longs().between(1, 2 * SPAN);
    return Combinators.combine(
            from, length, Arbitraries.of(true, true, true, false), Arbitraries.of(true, false))
        .as(
            (start, duration, published, open) ->
                new Period(
                    start, open ? null : (start == null ? -SPAN : start) + duration, published));
  }

  @Property(tries = 60)
  void liveSearchesSeeExactlyTheArticlesEffectiveAtTheInstant(
      @ForAll @Size(min = 1, max = 12) List<@net.jqwik.api.From("periods") Period> periods,
      @ForAll("offsets") long at) {
    MutableClock clock = new MutableClock(MINUTE.minusSeconds(3600));
    try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.builder().clock(clock).open()) {
      List<Article> articles = new ArrayList<>();
      for (int i = 0; i < periods.size(); i++) {
        Period period = periods.get(i);
        articles.add(
            Article.builder("a" + i)
                .title("保修政策 " + i)
                .status(period.published() ? ArticleStatus.PUBLISHED : ArticleStatus.DRAFT)
                .effectiveFrom(period.from() == null ? null : MINUTE.plusMillis(period.from()))
                .effectiveUntil(period.until() == null ? null : MINUTE.plusMillis(period.until()))
                .build());
      }
      kb.saveAll(articles);
      Instant instant = MINUTE.plusMillis(at);
      clock.advance(java.time.Duration.between(clock.instant(), instant));

      Set<String> expected = new java.util.HashSet<>();
      for (int i = 0; i < periods.size(); i++) {
        Period period = periods.get(i);
        boolean started = period.from() == null || period.from() <= at;
        boolean notEnded = period.until() == null || period.until() > at;
        if (period.published() && started && notEnded) {
          expected.add("a" + i);
        }
      }
      // twice: the second search may use the query cache's matches of the minute's filter
      for (int round = 0; round < 2; round++) {
        Set<String> found =
            kb.search(SearchRequest.builder("保修政策").page(0, 20).build()).hits().stream()
                .map(Hit::articleId)
                .collect(Collectors.toSet());
        assertThat(found).as("live at %s", instant).isEqualTo(expected);
        Set<String> blank =
            kb.search(SearchRequest.builder("").page(0, 20).build()).hits().stream()
                .map(Hit::articleId)
                .collect(Collectors.toSet());
        assertThat(blank).as("live at %s, no text", instant).isEqualTo(expected);
      }
    }
  }
}
