package io.loopdesk.kb;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopdesk.kb.RelevanceCollection.ArticleData;
import io.loopdesk.kb.RelevanceCollection.Judgement;
import io.loopdesk.kb.internal.KbAnalyzers;
import io.loopdesk.kb.internal.KbFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

/**
 * Checks mechanically that the paraphrase subset of the relevance collection is what it claims: no
 * query shares a content word with any of its relevant articles. Words are those of the knowledge
 * base's own word analysis (smartcn segmentation, English Porter stems, its stop words removed, and
 * the few {@link #FUNCTION_WORDS} below), and the query side includes the words of every synonym
 * group it touches, so neither exact matching nor the synonyms can bridge a paraphrase; only shared
 * characters or bigrams inside different words remain.
 */
class ParaphraseSubsetTest {
  private static final SynonymSet SYNONYMS = SynonymSet.afterSalesDefaults();
  private static final KbAnalyzers ANALYZERS = new KbAnalyzers(SYNONYMS);

  /**
   * Chinese function words that the analysis's stop list lacks: negation (不, 没, 没有), aspect (已,
   * 已经), the preposition 为 and the numeral 一. They say nothing about an article's topic.
   */
  private static final Set<String> FUNCTION_WORDS = Set.of("不", "没", "没有", "已", "已经", "为", "一");

  @Test
  void subsetIsLargeEnoughInBothLanguages() {
    List<Judgement> paraphrases = RelevanceCollection.paraphrases();
    Set<String> ids =
        RelevanceCollection.articles().stream().map(ArticleData::id).collect(Collectors.toSet());
    assertThat(paraphrases).hasSizeGreaterThanOrEqualTo(40);
    assertThat(paraphrases.stream().filter(j -> j.lang().equals("zh")))
        .hasSizeGreaterThanOrEqualTo(15);
    assertThat(paraphrases.stream().filter(j -> j.lang().equals("en")))
        .hasSizeGreaterThanOrEqualTo(15);
    Set<String> queries = new HashSet<>();
    for (Judgement judgement : paraphrases) {
      assertThat(queries.add(judgement.query())).as("duplicate %s", judgement.query()).isTrue();
      assertThat(judgement.relevant()).isNotEmpty();
      assertThat(ids).containsAll(judgement.relevant());
    }
    Set<String> original =
        RelevanceCollection.judgements().stream().map(Judgement::query).collect(Collectors.toSet());
    assertThat(queries).doesNotContainAnyElementsOf(original);
  }

  @Test
  void noParaphraseSharesAContentWordWithItsRelevantArticles() {
    Map<String, ArticleData> articles =
        RelevanceCollection.articles().stream()
            .collect(Collectors.toMap(ArticleData::id, Function.identity()));
    List<String> violations = new ArrayList<>();
    for (Judgement judgement : RelevanceCollection.paraphrases()) {
      Set<String> queryWords = queryWords(judgement.query());
      assertThat(queryWords).as("content words of %s", judgement.query()).isNotEmpty();
      for (String id : judgement.relevant()) {
        ArticleData article = articles.get(id);
        Set<String> shared = new TreeSet<>(queryWords);
        shared.retainAll(articleWords(article.title() + "\n" + article.body()));
        if (!shared.isEmpty()) {
          violations.add(judgement.query() + " shares " + shared + " with " + id);
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void theCheckSeesSharedWordsStemsAndSynonyms() {
    // the check itself must be able to fail: a shared word, a shared stem and a synonym are all
    // caught
    Set<String> article = articleWords("Refunds are issued within 24 hours; 电池鼓包请到网点检测");
    assertThat(intersect(queryWords("refund delay"), article)).contains("refund");
    assertThat(intersect(queryWords("issuing"), article)).contains("issu");
    assertThat(intersect(queryWords("电芯"), article)).contains("电池");
    assertThat(intersect(queryWords("money back"), articleWords("how to return an item")))
        .contains("return");
    assertThat(intersect(queryWords("the money came"), articleWords("the refund went"))).isEmpty();
  }

  private static Set<String> intersect(Set<String> a, Set<String> b) {
    Set<String> result = new TreeSet<>(a);
    result.retainAll(b);
    return result;
  }

  /**
   * The query's words as typed (single Chinese characters kept) plus the words of every synonym
   * group one of whose members the query contains (as text, or as all of its words).
   */
  private static Set<String> queryWords(String query) {
    Set<String> words = tokens(ANALYZERS.words(), query);
    Set<String> expanded = new TreeSet<>(words);
    for (Set<String> group : SYNONYMS.groups()) {
      boolean touched =
          group.stream()
              .anyMatch(
                  member -> {
                    Set<String> memberWords = tokens(ANALYZERS.words(), member);
                    return query.toLowerCase(Locale.ROOT).contains(member.toLowerCase(Locale.ROOT))
                        || (!memberWords.isEmpty() && words.containsAll(memberWords));
                  });
      if (touched) {
        group.forEach(member -> expanded.addAll(tokens(ANALYZERS.words(), member)));
      }
    }
    expanded.removeAll(FUNCTION_WORDS);
    return expanded;
  }

  private static Set<String> articleWords(String text) {
    Set<String> words = tokens(ANALYZERS.words(), text);
    words.removeAll(FUNCTION_WORDS);
    return words;
  }

  private static Set<String> tokens(Analyzer analyzer, String text) {
    Set<String> tokens = new TreeSet<>();
    try (TokenStream stream = analyzer.tokenStream(KbFields.TITLE_WORDS, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        tokens.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return tokens;
  }
}
