package io.loopdesk.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopdesk.api.kb.Article;
import io.loopdesk.api.kb.ArticleStatus;
import io.loopdesk.api.kb.QuerySyntax;
import io.loopdesk.api.kb.QuerySyntaxException;
import io.loopdesk.api.kb.SearchRequest;
import io.loopdesk.api.kb.SearchResult;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Whatever an agent types, a plain search answers; syntax characters are just text. Advanced syntax
 * either parses or fails with {@link QuerySyntaxException}, never with anything else.
 */
class MalformedQueryProperties {
  private static LuceneKnowledgeBase kb;

  @BeforeContainer
  static void open() {
    kb = LuceneKnowledgeBase.builder().open();
    kb.saveAll(
        List.of(
            Article.builder("a")
                .title("退货流程 (return)")
                .body("签收后七天内 \"无理由\" 退货 [规则] title:body")
                .status(ArticleStatus.PUBLISHED)
                .build(),
            Article.builder("b")
                .title("Refund: how long?")
                .body("Refunds take 3-7 days; AND/OR NOT *wild* ~fuzzy^2")
                .status(ArticleStatus.PUBLISHED)
                .build()));
  }

  @AfterContainer
  static void close() {
    kb.close();
  }

  @Provide
  Arbitrary<String> hostileText() {
    Arbitrary<String> syntax =
        Arbitraries.of(
            "\"",
            "(",
            ")",
            "[",
            "]",
            "{",
            "}",
            ":",
            "*",
            "?",
            "~",
            "^",
            "\\",
            "/",
            "!",
            "+",
            "-",
            "&&",
            "||",
            "AND",
            "OR",
            "NOT",
            "TO",
            "title:",
            "退货",
            "refund",
            " ",
            "　",
            "\u0000",
            "\uD83D\uDE00",
            "\uD800");
    Arbitrary<String> pieces = Arbitraries.oneOf(syntax, Arbitraries.strings().ofMaxLength(8));
    return pieces.list().ofMaxSize(12).map(list -> String.join("", list));
  }

  @Property(tries = 300)
  void plainSearchNeverFails(@ForAll("hostileText") String text) {
    SearchResult result = kb.search(SearchRequest.of(text));
    assertTrue(result.totalHits() >= 0 && result.totalHits() <= 2);
    assertTrue(result.hits().size() <= result.totalHits());
  }

  @Property(tries = 200)
  void suggestionsAndAutocompleteNeverFail(@ForAll("hostileText") String text) {
    kb.suggestForTicket(text, "", 5);
    if (!text.isBlank()) {
      kb.autocompleteTitles(text.length() > 100 ? text.substring(0, 100) : text, 5);
    }
  }

  @Property(tries = 300)
  void advancedSearchParsesOrFailsWithATypedError(@ForAll("hostileText") String text) {
    try {
      kb.search(SearchRequest.builder(text).syntax(QuerySyntax.ADVANCED).build());
    } catch (QuerySyntaxException expected) {
      assertEquals(text, expected.query());
    }
  }

  @Example
  void strayQuotesAndBracketsAreJustText() {
    for (String text :
        List.of(
            "\"退货", "退货\"", "(refund", "refund]", "[退货", "title:(", "refund AND", "*", "~", "\\")) {
      SearchResult result = kb.search(SearchRequest.of(text));
      assertTrue(result.totalHits() <= 2, text);
    }
    assertEquals("a", kb.search(SearchRequest.of("\"退货")).hits().get(0).articleId());
    assertEquals("b", kb.search(SearchRequest.of("refund)")).hits().get(0).articleId());
  }

  @Example
  void advancedSyntaxWorksWhenAskedFor() {
    SearchResult titleOnly =
        kb.search(SearchRequest.builder("title:流程").syntax(QuerySyntax.ADVANCED).build());
    assertEquals(List.of("a"), titleOnly.hits().stream().map(h -> h.articleId()).toList());
    SearchResult bodyOnly =
        kb.search(
            SearchRequest.builder("body:规则 AND NOT title:long")
                .syntax(QuerySyntax.ADVANCED)
                .build());
    assertEquals(List.of("a"), bodyOnly.hits().stream().map(h -> h.articleId()).toList());
    assertThrows(
        QuerySyntaxException.class,
        () ->
            kb.search(SearchRequest.builder("title:(refund").syntax(QuerySyntax.ADVANCED).build()));
    assertThrows(
        QuerySyntaxException.class,
        () -> kb.search(SearchRequest.builder("\"unclosed").syntax(QuerySyntax.ADVANCED).build()));
    assertThrows(
        QuerySyntaxException.class,
        () ->
            kb.search(SearchRequest.builder("secret:field").syntax(QuerySyntax.ADVANCED).build()));
  }
}
