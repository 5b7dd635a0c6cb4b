package io.loopdesk.kb;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopdesk.api.kb.Hit;
import io.loopdesk.api.kb.SearchRequest;
import io.loopdesk.kb.RelevanceCollection.ArticleData;
import io.loopdesk.kb.RelevanceCollection.Judgement;
import io.loopdesk.kb.RelevanceCollection.Scores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Measures MRR@10 and recall@5 of the knowledge base's analysis and of Lucene's StandardAnalyzer on
 * the same judged collection in the same run, prints both, and requires ours to be better.
 */
class RelevanceTest {
  private static List<ArticleData> articles;
  private static List<Judgement> judgements;
  private static LuceneKnowledgeBase kb;
  private static DirectoryReader standardReader;

  @BeforeAll
  static void index() throws IOException {
    articles = RelevanceCollection.articles();
    judgements = RelevanceCollection.judgements();
    kb = LuceneKnowledgeBase.builder().inMemory().open();
    kb.saveAll(articles.stream().map(ArticleData::toArticle).toList());

    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    try (IndexWriter writer =
        new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
      for (ArticleData article : articles) {
        Document doc = new Document();
        doc.add(new StringField("id", article.id(), Field.Store.YES));
        doc.add(new TextField("title", article.title(), Field.Store.NO));
        doc.add(new TextField("body", article.body(), Field.Store.NO));
        writer.addDocument(doc);
      }
    }
    standardReader = DirectoryReader.open(directory);
  }

  @AfterAll
  static void close() throws IOException {
    kb.close();
    standardReader.close();
  }

  @Test
  void collectionIsLargeEnoughAndConsistent() {
    assertTrue(articles.size() >= 60, "articles: " + articles.size());
    assertTrue(judgements.size() >= 60, "queries: " + judgements.size());
    Set<String> ids = new HashSet<>();
    articles.forEach(a -> assertTrue(ids.add(a.id()), "duplicate id " + a.id()));
    for (Judgement judgement : judgements) {
      assertTrue(!judgement.relevant().isEmpty(), judgement.query());
      judgement
          .relevant()
          .forEach(id -> assertTrue(ids.contains(id), "unknown id " + id + " in " + judgement));
    }
    assertTrue(judgements.stream().anyMatch(j -> j.lang().equals("zh")));
    assertTrue(judgements.stream().anyMatch(j -> j.lang().equals("en")));
    assertTrue(judgements.stream().anyMatch(j -> j.lang().equals("mixed")));
  }

  @Test
  void chosenAnalysisBeatsStandardAnalyzer() {
    Scores ours = RelevanceCollection.evaluate(judgements, this::oursTop10);
    Scores standard = RelevanceCollection.evaluate(judgements, this::standardTop10);
    System.out.printf("[relevance] all     ours: %s | StandardAnalyzer: %s%n", ours, standard);
    for (String lang : List.of("zh", "en", "mixed")) {
      List<Judgement> subset = judgements.stream().filter(j -> j.lang().equals(lang)).toList();
      System.out.printf(
          "[relevance] %-7s ours: %s | StandardAnalyzer: %s%n",
          lang,
          RelevanceCollection.evaluate(subset, this::oursTop10),
          RelevanceCollection.evaluate(subset, this::standardTop10));
    }
    System.out.printf(
        "[relevance] paraphrases (no shared word, lexical cannot bridge) ours: %s | StandardAnalyzer: %s%n",
        RelevanceCollection.evaluate(RelevanceCollection.paraphrases(), this::oursTop10),
        RelevanceCollection.evaluate(RelevanceCollection.paraphrases(), this::standardTop10));
    for (Judgement judgement : judgements) {
      List<String> top = oursTop10(judgement.query());
      if (top.isEmpty() || !judgement.relevant().contains(top.get(0))) {
        System.out.printf(
            "[relevance] miss@1 %s -> %s (want %s)%n",
            judgement.query(), top.subList(0, Math.min(3, top.size())), judgement.relevant());
      }
    }
    assertTrue(
        ours.mrrAt10() > standard.mrrAt10(), "MRR@10 ours " + ours + " vs standard " + standard);
    assertTrue(
        ours.recallAt5() > standard.recallAt5(),
        "recall@5 ours " + ours + " vs standard " + standard);
  }

  private List<String> oursTop10(String query) {
    List<String> ids = new ArrayList<>();
    for (Hit hit :
        kb.search(SearchRequest.builder(query).page(0, 10).facets(false).highlight(false).build())
            .hits()) {
      ids.add(hit.articleId());
    }
    return ids;
  }

  /** StandardAnalyzer with the same OR semantics and the same 3:1 title boost. */
  private List<String> standardTop10(String text) {
    try {
      QueryBuilder builder = new QueryBuilder(new StandardAnalyzer());
      BooleanQuery.Builder query = new BooleanQuery.Builder();
      Query title = builder.createBooleanQuery("title", text, Occur.SHOULD);
      Query body = builder.createBooleanQuery("body", text, Occur.SHOULD);
      if (title != null) {
        query.add(new BoostQuery(title, 3f), Occur.SHOULD);
      }
      if (body != null) {
        query.add(body, Occur.SHOULD);
      }
      IndexSearcher searcher = new IndexSearcher(standardReader);
      List<String> ids = new ArrayList<>();
      for (ScoreDoc doc : searcher.search(query.build(), 10).scoreDocs) {
        ids.add(searcher.storedFields().document(doc.doc).get("id"));
      }
      return ids;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
