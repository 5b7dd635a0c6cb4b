package io.loopdesk.kb.internal;

import io.loopdesk.api.kb.Article;
import java.io.IOException;
import java.util.Locale;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.VectorSimilarityFunction;

/** Turns articles into Lucene documents. Thread-safe. */
public final class ArticleDocuments {
  private final FacetsConfig facetsConfig = new FacetsConfig();
  private final ArticleEmbeddings embeddings;

  /** Creates the mapper with kind, category (multi-valued) and product facet dimensions. */
  public ArticleDocuments() {
    this(null);
  }

  /**
   * Creates the mapper; with embeddings, each document also holds the article's vector in {@link
   * KbFields#VECTOR} (HNSW graph, dot product of unit vectors).
   *
   * @param embeddings the embedder, or null for lexical search only
   */
  public ArticleDocuments(ArticleEmbeddings embeddings) {
    this.embeddings = embeddings;
    facetsConfig.setMultiValued(KbFields.DIM_CATEGORY, true);
  }

  /** Returns the facet configuration shared by indexing and counting. */
  public FacetsConfig facetsConfig() {
    return facetsConfig;
  }

  /**
   * Builds the document of the current version of an article.
   *
   * @param article the article
   * @param usageCount how many tickets it helped resolve
   * @return the document, ready for {@code IndexWriter.updateDocument}
   */
  public Document toDocument(Article article, long usageCount) {
    Document doc = new Document();
    doc.add(new StringField(KbFields.ID, article.id(), Field.Store.YES));
    doc.add(new StoredField(KbFields.VERSION, article.version()));
    doc.add(new TextField(KbFields.TITLE_WORDS, article.title(), Field.Store.NO));
    doc.add(new TextField(KbFields.TITLE_GRAMS, article.title(), Field.Store.YES));
    doc.add(new StringField(KbFields.TITLE_KEY, titleKey(article.title()), Field.Store.NO));
    doc.add(new TextField(KbFields.BODY_WORDS, article.body(), Field.Store.NO));
    doc.add(new TextField(KbFields.BODY_GRAMS, article.body(), Field.Store.YES));
    doc.add(new TextField(KbFields.TITLE_CHARS, article.title(), Field.Store.NO));
    doc.add(new TextField(KbFields.BODY_CHARS, article.body(), Field.Store.NO));
    doc.add(new StringField(KbFields.KIND, article.kind().name(), Field.Store.YES));
    doc.add(new SortedSetDocValuesFacetField(KbFields.DIM_KIND, article.kind().name()));
    for (String category : article.categories()) {
      doc.add(new StringField(KbFields.CATEGORY, category, Field.Store.YES));
      doc.add(new SortedSetDocValuesFacetField(KbFields.DIM_CATEGORY, category));
    }
    if (article.product().isEmpty()) {
      doc.add(new StringField(KbFields.ANY_PRODUCT, "1", Field.Store.NO));
    } else {
      doc.add(new StringField(KbFields.PRODUCT, article.product(), Field.Store.YES));
      doc.add(new SortedSetDocValuesFacetField(KbFields.DIM_PRODUCT, article.product()));
    }
    doc.add(new StringField(KbFields.STATUS, article.status().name(), Field.Store.NO));
    long from = article.effectiveFrom() == null ? Long.MIN_VALUE : millis(article.effectiveFrom());
    long until =
        article.effectiveUntil() == null ? Long.MAX_VALUE : millis(article.effectiveUntil());
    doc.add(new LongPoint(KbFields.EFFECTIVE_FROM, from));
    doc.add(new LongPoint(KbFields.EFFECTIVE_UNTIL, until));
    doc.add(new NumericDocValuesField(KbFields.USAGE, usageCount));
    if (embeddings != null) {
      doc.add(
          new KnnFloatVectorField(
              KbFields.VECTOR, embeddings.article(article), VectorSimilarityFunction.DOT_PRODUCT));
    }
    if (usageCount > 0) {
      doc.add(
          new FeatureField(
              KbFields.FEATURES, KbFields.USAGE_FEATURE, (float) Math.min(usageCount, 1_000_000)));
    }
    try {
      return facetsConfig.build(doc);
    } catch (IOException e) {
      throw new IllegalStateException("Facet configuration rejected article " + article.id(), e);
    }
  }

  /**
   * Lower-cases a title the way {@link KbFields#TITLE_KEY} is indexed, with Unicode spaces as ASCII
   * spaces.
   */
  public static String titleKey(String text) {
    return UnicodeSpaces.normalize(text).strip().toLowerCase(Locale.ROOT);
  }

  /** Epoch milliseconds, clamped so instants far in the past or future do not overflow. */
  public static long millis(java.time.Instant instant) {
    try {
      return instant.toEpochMilli();
    } catch (ArithmeticException e) {
      return instant.getEpochSecond() < 0 ? Long.MIN_VALUE + 1 : Long.MAX_VALUE - 1;
    }
  }
}
