package io.loopdesk.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopdesk.api.ValidationException;
import io.loopdesk.api.kb.Article;
import io.loopdesk.api.kb.ArticleKind;
import io.loopdesk.api.kb.ArticleNotFoundException;
import io.loopdesk.api.kb.ArticleStatus;
import io.loopdesk.api.kb.ArticleVersionConflictException;
import io.loopdesk.api.kb.Hit;
import io.loopdesk.api.kb.SearchRequest;
import io.loopdesk.api.kb.SearchResult;
import io.loopdesk.api.kb.TicketSuggestions;
import io.loopdesk.api.kb.TitleSuggestion;
import io.loopdesk.api.kb.Visibility;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LuceneKnowledgeBaseTest {
  private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
  private final MutableClock clock = new MutableClock(T0);
  private LuceneKnowledgeBase kb = LuceneKnowledgeBase.builder().clock(clock).open();

  @AfterEach
  void closeKb() {
    kb.close();
  }

  private static Article.Builder published(String id, String title, String body) {
    return Article.builder(id).title(title).body(body).status(ArticleStatus.PUBLISHED);
  }

  private List<String> ids(String query) {
    return ids(kb.search(SearchRequest.of(query)));
  }

  private static List<String> ids(SearchResult result) {
    return result.hits().stream().map(Hit::articleId).toList();
  }

  @Test
  void saveAssignsVersionsFromTheClockAndKeepsHistory() {
    Article first = kb.save(published("faq-1", "退货流程", "退货需要发票").build());
    assertEquals(1, first.version());
    assertEquals(T0, first.updatedAt());

    clock.advance(Duration.ofHours(1));
    Article second = kb.save(first.toBuilder().body("十五天内可以换货").build());
    assertEquals(2, second.version());
    assertEquals(T0.plus(Duration.ofHours(1)), second.updatedAt());

    ArticleVersionConflictException stale =
        assertThrows(
            ArticleVersionConflictException.class,
            () -> kb.save(first.toBuilder().title("旧标题").build()));
    assertEquals(1, stale.expectedVersion());
    assertEquals(2, stale.actualVersion());
    assertThrows(
        ArticleVersionConflictException.class,
        () -> kb.save(published("faq-1", "重新创建", "").build()));

    assertEquals(List.of(1L, 2L), kb.history("faq-1").stream().map(Article::version).toList());
    assertEquals("十五天内可以换货", kb.get("faq-1").orElseThrow().body());
    assertTrue(ids("旧标题").isEmpty(), "a rejected save must not reach the index");
    assertEquals(List.of("faq-1"), ids("换货"));
    assertTrue(ids("发票").isEmpty(), "the old version is no longer searchable");
  }

  @Test
  void saveAllIsAllOrNothingOnConflict() {
    kb.save(published("a", "Alpha", "").build());
    List<Article> batch =
        List.of(published("b", "Beta", "").build(), published("a", "Alpha again", "").build());
    assertThrows(ArticleVersionConflictException.class, () -> kb.saveAll(batch));
    assertTrue(kb.get("b").isEmpty());
    assertThrows(
        ValidationException.class,
        () ->
            kb.saveAll(List.of(published("c", "C", "").build(), published("c", "C", "").build())));
  }

  @Test
  void agentsOnlySeePublishedArticlesInsideTheirEffectivePeriod() {
    kb.save(Article.builder("draft").title("保修政策草稿").status(ArticleStatus.DRAFT).build());
    kb.save(published("archived", "旧保修政策", "").status(ArticleStatus.ARCHIVED).build());
    kb.save(published("future", "新保修政策", "").effectiveFrom(T0.plus(Duration.ofDays(10))).build());
    kb.save(
        published("expiring", "临时保修政策", "").effectiveUntil(T0.plus(Duration.ofDays(5))).build());
    kb.save(published("current", "保修政策", "").build());

    assertEquals(Set.of("current", "expiring"), new HashSet<>(ids("保修政策")));
    clock.advance(Duration.ofDays(5));
    assertEquals(Set.of("current"), new HashSet<>(ids("保修政策")), "effectiveUntil is exclusive");
    clock.advance(Duration.ofDays(5));
    assertEquals(
        Set.of("current", "future"), new HashSet<>(ids("保修政策")), "effectiveFrom is inclusive");

    SearchResult all = kb.search(SearchRequest.builder("保修政策").visibility(Visibility.ALL).build());
    assertEquals(5, all.totalHits());
  }

  @Test
  void titleMatchesOutrankBodyMatches() {
    kb.save(
        published(
                "body", "Service hours", "You can also ask about the warranty of accessories here.")
            .build());
    kb.save(published("title", "Warranty", "Terms for all products.").build());
    assertEquals(List.of("title", "body"), ids("warranty"));
  }

  @Test
  void synonymsFindArticlesWordedDifferently() {
    kb.save(published("sanbao", "三包规定", "七日内性能故障可以退换").build());
    kb.save(published("refund", "Refund rules", "How money is paid back").build());
    assertEquals(List.of("sanbao"), ids("保修"));
    assertEquals(List.of("refund"), ids("return"));
    assertEquals(List.of("sanbao"), ids("退货"));

    kb.close();
    kb = LuceneKnowledgeBase.builder().clock(clock).synonyms(SynonymSet.none()).open();
    kb.save(published("sanbao", "三包规定", "七日内性能故障可以退换").build());
    assertTrue(ids("保修").isEmpty());
  }

  @Test
  void customSynonymsAreApplied() {
    kb.close();
    kb =
        LuceneKnowledgeBase.builder()
            .clock(clock)
            .synonyms(SynonymSet.none().with("扫地机", "扫地机器人", "robot vacuum"))
            .open();
    kb.save(published("r", "扫地机器人不回充", "").build());
    assertEquals(List.of("r"), ids("robot vacuum"));
    assertThrows(ValidationException.class, () -> SynonymSet.none().with("only-one"));
  }

  @Test
  void englishTyposAreToleratedUnlessSwitchedOff() {
    kb.save(published("w", "Battery warranty coverage", "Two years for the battery.").build());
    kb.save(published("i", "Installation appointment", "Book a technician.").build());
    assertEquals(List.of("w"), ids("warrenty"));
    assertEquals(List.of("i"), ids("instalation"));
    assertTrue(ids("warranty").contains("w"));

    kb.close();
    kb = LuceneKnowledgeBase.builder().clock(clock).typoTolerance(false).open();
    kb.save(published("w", "Battery warranty coverage", "Two years for the battery.").build());
    assertTrue(ids("warrenty").isEmpty());
  }

  @Test
  void englishWordsAreStemmed() {
    kb.save(published("b", "Replacing batteries", "Batteries are replaced for free.").build());
    assertEquals(List.of("b"), ids("battery replacement"));
  }

  @Test
  void hitsCarryEscapedHighlightedSnippetsAndTitles() {
    kb.save(published("h", "退货流程 <说明>", "签收后七天内可以申请退货。<script>alert(1)</script> 其他内容。").build());
    Hit hit = kb.search(SearchRequest.of("退货")).hits().get(0);
    assertTrue(hit.title().contains("<em>退货</em>"), hit.title());
    assertTrue(hit.title().contains("&lt;说明&gt;"), hit.title());
    assertTrue(hit.snippet().contains("<em>退货</em>"), hit.snippet());
    assertFalse(hit.snippet().contains("<script>"), hit.snippet());

    Hit plain = kb.search(SearchRequest.builder("退货").highlight(false).build()).hits().get(0);
    assertEquals("退货流程 <说明>", plain.title());
    assertEquals("", plain.snippet());
  }

  @Test
  void ticketSuggestionsCarryPlainTitlesAndHighlightedSnippets() {
    kb.save(published("h", "退货流程 <说明> & 条件", "签收后七天内可以申请退货。").build());
    Hit hit = kb.suggestForTicket("客户想退货", "", 5).get(0);
    assertEquals(
        "退货流程 <说明> & 条件", hit.title(), "Hit.title is plain unless a search asked for highlighting");
    assertTrue(hit.snippet().contains("<em>退货</em>"), hit.snippet());
  }

  @Test
  void aNewArticleIsADraftAndResultsSayWhenOnlyDraftsMatched() {
    Article draft = kb.save(Article.builder("d").title("电池鼓包处理").body("停止使用并联系售后").build());
    assertEquals(ArticleStatus.DRAFT, draft.status(), "the builder's default status");

    SearchResult search = kb.search(SearchRequest.of("电池鼓包"));
    assertEquals(0, search.totalHits());
    assertEquals(1, search.notLiveMatches(), "the draft matched but was hidden");
    TicketSuggestions suggestions = kb.suggestionsForTicket("手机电池鼓包了", "", 5);
    assertTrue(suggestions.hits().isEmpty());
    assertEquals(1, suggestions.notLiveMatches());
    assertTrue(kb.suggestForTicket("手机电池鼓包了", "", 5).isEmpty());

    kb.save(draft.toBuilder().published().build());
    SearchResult after = kb.search(SearchRequest.of("电池鼓包"));
    assertEquals(List.of("d"), ids(after));
    assertEquals(0, after.notLiveMatches());
    assertEquals(
        List.of("d"),
        kb.suggestionsForTicket("手机电池鼓包了", "", 5).hits().stream().map(Hit::articleId).toList());
    assertEquals(0, kb.search(SearchRequest.of("没有这个词语")).notLiveMatches());
  }

  @Test
  void hiddenMatchesAreCountedWithTheSameFilters() {
    kb.save(Article.builder("draft-ph9").title("电池鼓包").product("PH-9").build());
    kb.save(published("expired", "电池鼓包旧规定", "").effectiveUntil(T0).build());
    assertEquals(2, kb.search(SearchRequest.of("电池鼓包")).notLiveMatches());
    assertEquals(
        1,
        kb.search(SearchRequest.builder("电池鼓包").product("EB-5").build()).notLiveMatches(),
        "the PH-9 draft is outside the product filter");
    assertEquals(
        0,
        kb.search(SearchRequest.builder("电池鼓包").visibility(Visibility.ALL).build())
            .notLiveMatches());
  }

  @Test
  void facetsCountEveryMatchByKindCategoryAndProduct() {
    kb.save(
        published("1", "电池鼓包", "")
            .kind(ArticleKind.FAQ)
            .categories("电池", "安全")
            .product("PH-9")
            .build());
    kb.save(
        published("2", "电池保修", "")
            .kind(ArticleKind.POLICY)
            .categories("电池")
            .product("EB-5")
            .build());
    kb.save(published("3", "电池充电", "").kind(ArticleKind.FAQ).categories("电池").build());
    kb.save(published("4", "安装收费", "").kind(ArticleKind.FAQ).categories("安装").build());

    SearchResult result = kb.search(SearchRequest.builder("电池").page(0, 1).build());
    assertEquals(3, result.totalHits());
    assertEquals(1, result.hits().size());
    assertEquals(Map.of(ArticleKind.FAQ, 2L, ArticleKind.POLICY, 1L), result.facets().byKind());
    assertEquals(
        List.of(ArticleKind.FAQ, ArticleKind.POLICY),
        new ArrayList<>(result.facets().byKind().keySet()));
    assertEquals(Map.of("电池", 3L, "安全", 1L), result.facets().byCategory());
    assertEquals(Map.of("PH-9", 1L, "EB-5", 1L), result.facets().byProduct());

    SearchResult filtered =
        kb.search(SearchRequest.builder("电池").product("PH-9").kinds(ArticleKind.FAQ).build());
    assertEquals(
        Set.of("1", "3"),
        new HashSet<>(ids(filtered)),
        "product filter keeps articles for every product");
    assertEquals(
        Set.of("4"),
        new HashSet<>(ids(kb.search(SearchRequest.builder("").categories("安装").build()))));
  }

  @Test
  void pagesAreDisjointAndCoverAllHits() {
    List<Article> articles = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      articles.add(published("p" + i, "配送说明 " + i, "配送 ".repeat(1 + i % 5)).build());
    }
    kb.saveAll(articles);
    Set<String> seen = new HashSet<>();
    int[] sizes = new int[3];
    for (int page = 0; page < 3; page++) {
      SearchResult result = kb.search(SearchRequest.builder("配送").page(page, 10).build());
      assertEquals(25, result.totalHits());
      sizes[page] = result.hits().size();
      result.hits().forEach(h -> assertTrue(seen.add(h.articleId()), "duplicate " + h.articleId()));
      assertEquals(page < 2, result.hasNextPage());
    }
    assertEquals(25, seen.size());
    assertEquals(List.of(10, 10, 5), List.of(sizes[0], sizes[1], sizes[2]));
    assertTrue(kb.search(SearchRequest.builder("配送").page(5, 10).build()).hits().isEmpty());
  }

  @Test
  void mergingSegmentsKeepsEveryResultAndRebuildingMergesByItself() {
    for (int batch = 0; batch < 3; batch++) {
      List<Article> articles = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        articles.add(
            published("m" + batch + "-" + i, "配送说明 " + batch + i, "配送 ".repeat(1 + i) + "退货")
                .build());
      }
      kb.saveAll(articles);
    }
    assertEquals(3, kb.segmentCount(), "each batch is flushed as a segment of its own");
    SearchResult before = kb.search(SearchRequest.of("配送"));

    assertEquals(3, kb.mergeSegments());

    assertEquals(1, kb.segmentCount());
    SearchResult after = kb.search(SearchRequest.of("配送"));
    assertEquals(ids(before), ids(after));
    assertEquals(
        before.hits().stream().map(Hit::score).toList(),
        after.hits().stream().map(Hit::score).toList());
    assertEquals(before.facets(), after.facets());
    assertEquals(1, kb.mergeSegments(), "nothing left to merge");

    kb.save(published("late", "配送时间", "配送").build());
    assertEquals(2, kb.segmentCount());
    assertEquals(16, kb.rebuildIndex());
    assertEquals(1, kb.segmentCount());
    assertEquals(16, kb.search(SearchRequest.of("配送")).totalHits());
  }

  @Test
  void autocompleteProposesLiveTitlesStartingWithOrContainingThePrefix() {
    kb.save(published("1", "退货流程", "").build());
    kb.save(published("2", "七天无理由退货规定", "").build());
    kb.save(published("3", "退款到账时间", "").build());
    kb.save(Article.builder("4").title("退货草稿").build());
    kb.save(published("5", "Battery warranty coverage", "").build());
    kb.save(published("6", "Phone battery drains quickly", "").build());

    List<String> tui =
        kb.autocompleteTitles("退", 10).stream().map(TitleSuggestion::articleId).toList();
    assertEquals(Set.of("1", "2", "3"), new HashSet<>(tui));
    assertEquals(
        Set.of("1", "3"),
        new HashSet<>(tui.subList(0, 2)),
        "titles starting with the prefix come first");
    assertEquals(
        List.of("1", "2"),
        kb.autocompleteTitles("退货", 10).stream().map(TitleSuggestion::articleId).toList());
    assertEquals(
        List.of("5", "6"),
        kb.autocompleteTitles("Batt", 10).stream().map(TitleSuggestion::articleId).toList());
    assertEquals(
        List.of("6"),
        kb.autocompleteTitles("battery dr", 10).stream().map(TitleSuggestion::articleId).toList());
    assertEquals(1, kb.autocompleteTitles("退", 1).size());
    assertThrows(ValidationException.class, () -> kb.autocompleteTitles(" ", 5));
  }

  @Test
  void ticketSuggestionsUseTheDescriptionAndTheProduct() {
    kb.save(
        published("phone-battery", "手机电池鼓包怎么办", "立即停止充电，到售后网点检测，保修期内免费更换电池。")
            .product("PH-9")
            .build());
    kb.save(published("bike-battery", "电动车电池质保", "电池质保两年，容量低于70%免费更换。").product("EB-5").build());
    kb.save(published("generic", "售后网点查询", "在 App 中查询附近的售后网点。").build());
    String description =
        "客户来电说昨天晚上充电的时候发现手机后盖翘起来了，电池好像鼓包，很担心安全问题，" + "手机是去年双十一买的，想问能不能免费换电池，附近有没有售后网点可以检测。";
    List<Hit> forPhone = kb.suggestForTicket(description, "PH-9", 5);
    assertEquals("phone-battery", forPhone.get(0).articleId());
    assertFalse(
        forPhone.stream().anyMatch(h -> h.articleId().equals("bike-battery")),
        "other products are excluded");
    assertTrue(forPhone.stream().anyMatch(h -> h.articleId().equals("generic")));
    assertTrue(kb.suggestForTicket("   ", "PH-9", 5).isEmpty());
    assertThrows(ValidationException.class, () -> kb.suggestForTicket("电池", "PH-9", 0));
  }

  @Test
  void usageFeedbackLiftsArticlesThatResolvedTickets() {
    kb.save(published("a", "Refund timeline", "Refunds take five days.").build());
    kb.save(published("b", "Refund timeline", "Refunds take five days.").build());
    String loser = ids("refund timeline").get(1);
    assertTrue(kb.recordUsage(loser, "T-1"));
    assertTrue(kb.recordUsage(loser, "T-2"));
    assertFalse(kb.recordUsage(loser, "T-2"), "the same ticket counts once");
    assertEquals(2, kb.usageCount(loser));
    assertEquals(loser, ids("refund timeline").get(0));
    assertEquals(2, kb.search(SearchRequest.of("refund")).hits().get(0).usageCount());
    assertThrows(ArticleNotFoundException.class, () -> kb.recordUsage("missing", "T-3"));
  }

  @Test
  void usageSurvivesANewVersionOfTheArticle() {
    Article a = kb.save(published("a", "Refund timeline", "").build());
    kb.recordUsage("a", "T-1");
    kb.save(a.toBuilder().body("Refunds take five days.").build());
    assertEquals(1, kb.search(SearchRequest.of("refund")).hits().get(0).usageCount());
  }

  @Test
  void badArgumentsAreRejectedWithTheFieldName() {
    ValidationException title =
        assertThrows(ValidationException.class, () -> Article.builder("x").title(" ").build());
    assertEquals("article.title", title.field());
    assertEquals(
        "article.id",
        assertThrows(ValidationException.class, () -> Article.builder("../etc").title("t").build())
            .field());
    assertEquals(
        "article.effectiveUntil",
        assertThrows(
                ValidationException.class,
                () -> Article.builder("x").title("t").effectiveFrom(T0).effectiveUntil(T0).build())
            .field());
    assertEquals(
        "search.pageSize",
        assertThrows(ValidationException.class, () -> SearchRequest.builder("q").page(0, 0).build())
            .field());
    assertEquals(
        "search.page",
        assertThrows(
                ValidationException.class, () -> SearchRequest.builder("q").page(-1, 10).build())
            .field());
    ValidationException tooLong =
        assertThrows(
            ValidationException.class,
            () -> SearchRequest.of("13800138000 ".repeat(SearchRequest.MAX_TEXT_LENGTH / 12 + 1)));
    assertEquals("search.text", tooLong.field());
    assertFalse(
        tooLong.getMessage().contains("13800138000"),
        "a pasted text may hold personal data: " + tooLong.getMessage());
    assertEquals(
        "usageBoostWeight",
        assertThrows(
                ValidationException.class,
                () -> LuceneKnowledgeBase.builder().usageBoostWeight(Double.NaN))
            .field());
    assertThrows(ValidationException.class, () -> kb.search(null));
  }

  @Test
  void closedKnowledgeBaseRefusesWork() {
    kb.close();
    assertThrows(IllegalStateException.class, () -> kb.search(SearchRequest.of("x")));
    assertThrows(IllegalStateException.class, () -> kb.save(published("a", "A", "").build()));
    kb.close();
  }
}
