package io.loopdesk.kb;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopdesk.api.kb.Article;
import io.loopdesk.api.kb.Hit;
import io.loopdesk.api.kb.SearchRequest;
import io.loopdesk.kb.RelevanceCollection.ArticleData;
import io.loopdesk.kb.RelevanceCollection.Judgement;
import io.loopdesk.kb.RelevanceCollection.Scores;
import io.loopdesk.kb.embeddings.BgeSmallZhEmbedder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The targets of semantic search on the judged relevance collection of kb-lucene, in one run: the
 * hybrid ranking (BM25 fused with bge-small-zh-v1.5 vectors) must beat the lexical ranking by at
 * least 0.15 MRR@10 on the paraphrase subset (queries that share no content word with their
 * articles) and must not be lower on the other queries. Prints MRR@10 and recall@5 per subset for
 * lexical, vectors alone and hybrid. The collection's vectors come from {@link StoredEmbeddings}
 * (computed by the model, checked against it by {@code StoredEmbeddingsTest}).
 */
class HybridRelevanceTest {
  private static StoredEmbeddings embeddings;
  private static LuceneKnowledgeBase lexical;
  private static LuceneKnowledgeBase hybrid;
  private static LuceneKnowledgeBase vectorsOnly;

  private static final Map<String, List<String>> RANKINGS =
      new java.util.concurrent.ConcurrentHashMap<>();

  @BeforeAll
  static void index() {
    long started = System.nanoTime();
    // the collection's vectors as the model computed them (StoredEmbeddings); new texts run the
    // model
    embeddings = StoredEmbeddings.load(BgeSmallZhEmbedder::load);
    List<Article> articles =
        RelevanceCollection.articles().stream().map(ArticleData::toArticle).toList();
    lexical = LuceneKnowledgeBase.builder().inMemory().open();
    hybrid = LuceneKnowledgeBase.builder().inMemory().semanticSearch(embeddings).open();
    vectorsOnly =
        LuceneKnowledgeBase.builder()
            .inMemory()
            .semanticSearch(embeddings, new HybridRanking(60, 0, 1, 50, -1))
            .open();
    lexical.saveAll(articles);
    hybrid.saveAll(articles);
    vectorsOnly.saveAll(articles);
    System.out.printf(
        "[hybrid] %d articles indexed in %.1f s%n",
        articles.size(), (System.nanoTime() - started) / 1e9);
  }

  @AfterAll
  static void close() {
    lexical.close();
    hybrid.close();
    vectorsOnly.close();
    embeddings.close();
  }

  @Test
  void hybridBeatsLexicalOnParaphrasesAndKeepsTheRest() {
    long started = System.nanoTime();
    List<Judgement> paraphrases = RelevanceCollection.paraphrases();
    List<Judgement> rest = RelevanceCollection.judgements();
    Map<String, Scores[]> table = new LinkedHashMap<>();
    table.put("paraphrases", score(paraphrases));
    table.put(
        "paraphrases zh", score(paraphrases.stream().filter(j -> j.lang().equals("zh")).toList()));
    table.put(
        "paraphrases en", score(paraphrases.stream().filter(j -> j.lang().equals("en")).toList()));
    table.put("rest", score(rest));
    for (String lang : List.of("zh", "en", "mixed")) {
      table.put("rest " + lang, score(rest.stream().filter(j -> j.lang().equals(lang)).toList()));
    }
    System.out.println(
        "[hybrid] | subset | queries | lexical MRR@10 | vectors MRR@10 | hybrid MRR@10 "
            + "| lexical recall@5 | vectors recall@5 | hybrid recall@5 |");
    table.forEach(
        (name, s) ->
            System.out.printf(
                "[hybrid] | %s | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |%n",
                name,
                s[0].queries(),
                s[0].mrrAt10(),
                s[1].mrrAt10(),
                s[2].mrrAt10(),
                s[0].recallAt5(),
                s[1].recallAt5(),
                s[2].recallAt5()));
    for (Judgement judgement : paraphrases) {
      List<String> top = top10(hybrid, judgement.query());
      if (top.isEmpty() || !judgement.relevant().contains(top.get(0))) {
        System.out.printf(
            "[hybrid] paraphrase miss@1 %s -> %s (want %s)%n",
            judgement.query(), top.subList(0, Math.min(3, top.size())), judgement.relevant());
      }
    }
    System.out.printf(
        "[hybrid] %d searches in %.1f s; %d texts were not stored and ran the model%n",
        RANKINGS.size(), (System.nanoTime() - started) / 1e9, embeddings.misses());
    Scores[] onParaphrases = table.get("paraphrases");
    Scores[] onRest = table.get("rest");
    assertThat(onParaphrases[2].mrrAt10() - onParaphrases[0].mrrAt10())
        .as("hybrid minus lexical MRR@10 on the paraphrases")
        .isGreaterThanOrEqualTo(0.15);
    assertThat(onRest[2].mrrAt10())
        .as("hybrid MRR@10 on the rest")
        .isGreaterThanOrEqualTo(onRest[0].mrrAt10());
  }

  private static Scores[] score(List<Judgement> judgements) {
    return new Scores[] {
      RelevanceCollection.evaluate(judgements, q -> top10(lexical, q)),
      RelevanceCollection.evaluate(judgements, q -> top10(vectorsOnly, q)),
      RelevanceCollection.evaluate(judgements, q -> top10(hybrid, q))
    };
  }

  private static List<String> top10(LuceneKnowledgeBase kb, String query) {
    String name = kb == lexical ? "lexical" : kb == hybrid ? "hybrid" : "vectors";
    return RANKINGS.computeIfAbsent(name + "\u0000" + query, key -> search(kb, query));
  }

  private static List<String> search(LuceneKnowledgeBase kb, String query) {
    List<String> ids = new ArrayList<>();
    for (Hit hit :
        kb.search(SearchRequest.builder(query).page(0, 10).facets(false).highlight(false).build())
            .hits()) {
      ids.add(hit.articleId());
    }
    return ids;
  }
}
