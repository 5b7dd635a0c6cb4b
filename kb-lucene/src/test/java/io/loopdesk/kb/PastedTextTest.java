package io.loopdesk.kb;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopdesk.api.kb.Article;
import io.loopdesk.api.kb.ArticleStatus;
import io.loopdesk.api.kb.Hit;
import io.loopdesk.api.kb.SearchRequest;
import io.loopdesk.api.kb.SearchResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What agents really paste into the search box or a ticket description: log lines pasted many
 * times, one word held down, unbroken tokens thousands of characters long, text with no-break and
 * ideographic spaces, short colloquial Chinese questions. Plain search never fails on any of it and
 * still finds the right article.
 */
class PastedTextTest {
  /**
   * Generous bound for one call on a tiny index; the slow paths this guards against took 0.6 s and
   * more.
   */
  private static final long FAST_MILLIS = 250;

  private static LuceneKnowledgeBase kb;

  @BeforeAll
  static void open() {
    kb = LuceneKnowledgeBase.builder().open();
    kb.saveAll(
        List.of(
            published(
                "charger",
                "Charger timeout error E42",
                "When the charger reports timeout code E42, unplug it for ten seconds."),
            published(
                "refund",
                "Refund policy",
                "Refunds are paid back to the original payment method; money back within 7 days."),
            published("returns", "退货流程", "签收后七天内可以申请退换货，商品需完好。"),
            published("repair", "手机维修网点", "手机出现故障可以到附近的售后网点维修，保修期内免费。"),
            published("charging", "手机充电说明", "请使用原装充电器给手机充电，充电时不要边充边玩。")));
  }

  @AfterAll
  static void close() {
    kb.close();
  }

  private static Article published(String id, String title, String body) {
    return Article.builder(id).title(title).body(body).status(ArticleStatus.PUBLISHED).build();
  }

  private static List<String> ids(String text) {
    return kb.search(SearchRequest.of(text)).hits().stream().map(Hit::articleId).toList();
  }

  private static List<String> suggested(String text) {
    return kb.suggestForTicket(text, "", 5).stream().map(Hit::articleId).toList();
  }

  @Test
  void aLogLinePastedTwoHundredTimesFindsItsArticle() {
    String line = "2026-03-01 08:00:00 ERROR charger module reported timeout code E42 retrying ";
    String pasted = line.repeat(200);
    assertThat(pasted.split(" ").length).isGreaterThan(1024);

    assertThat(ids(pasted)).first().isEqualTo("charger");
    assertThat(suggested(pasted)).first().isEqualTo("charger");
  }

  @Test
  void aLongComplaintRepeatingFewWordsIsSearchable() {
    String complaint = "refund refund refund I want my money back now ".repeat(130);
    assertThat(ids(complaint)).first().isEqualTo("refund");
    assertThat(suggested(complaint)).first().isEqualTo("refund");
  }

  @Test
  void oneWordHeldDownDoesNotBreakSynonymExpansion() {
    for (String word : List.of("退换货", "money back ", "退货", "refund ", "保修期")) {
      String pasted = word.repeat(3_000 / word.length() + 1);
      assertThat(kb.search(SearchRequest.of(pasted)).totalHits()).as(word).isPositive();
      assertThat(kb.suggestForTicket(pasted, "", 5)).as(word).isNotEmpty();
    }
  }

  @Test
  void synonymGroupsKeepTheOrderTheyWereGivenIn() {
    List<String> words =
        List.of("delta", "alpha", "hotel", "charlie", "golf", "bravo", "foxtrot", "echo");
    SynonymSet set = SynonymSet.none().with(words.toArray(String[]::new));
    assertThat(new ArrayList<>(set.groups().get(0))).containsExactlyElementsOf(words);
  }

  @Test
  void veryLongUnbrokenTokensAreAnsweredQuickly() {
    Random random = new Random(7);
    for (int length : new int[] {255, 1_000, 10_000}) {
      StringBuilder token = new StringBuilder(length);
      for (int i = 0; i < length; i++) {
        token.append((char) ('a' + random.nextInt(26)));
      }
      kb.search(SearchRequest.of(token.toString()));
      long start = System.nanoTime();
      SearchResult result = kb.search(SearchRequest.of(token.toString()));
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertThat(millis)
          .as("%d-character token took %d ms", length, millis)
          .isLessThan(FAST_MILLIS);
      assertThat(result.totalHits()).isZero();
    }
  }

  @Test
  void typosInOrdinaryWordsAreStillTolerated() {
    assertThat(ids("chargr timeot")).first().isEqualTo("charger");
  }

  @Test
  void unicodeSpacesAreBlank() {
    long all = kb.search(SearchRequest.of(" ")).totalHits();
    assertThat(all).isEqualTo(5);
    for (String blank : List.of("\u00a0", "\u3000", "\u2007\u202f", " \u00a0\u3000\t")) {
      assertThat(kb.search(SearchRequest.of(blank)).totalHits())
          .as("U+%04X", (int) blank.charAt(0))
          .isEqualTo(all);
      assertThat(kb.suggestForTicket(blank, "", 5)).isEmpty();
    }
    assertThat(ids("refund\u00a0policy")).isEqualTo(ids("refund policy"));
    assertThat(ids("退货\u3000流程")).isEqualTo(ids("退货 流程"));
    assertThat(kb.autocompleteTitles("refund\u00a0p", 5))
        .extracting(s -> s.articleId())
        .containsExactly("refund");
  }

  @Test
  void shortColloquialChineseQuestionsKeepTheirSingleCharacterWords() {
    assertThat(ids("能退吗")).first().isEqualTo("returns");
    assertThat(ids("手机坏了怎么修")).first().isEqualTo("repair");
  }
}
