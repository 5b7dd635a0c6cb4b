package io.loopdesk.kb.internal;

import io.loopdesk.api.ValidationException;
import io.loopdesk.api.kb.Article;
import io.loopdesk.api.kb.KnowledgeBaseStorageException;
import io.loopdesk.kb.TextEmbedder;

/**
 * Calls a {@link TextEmbedder} on behalf of the knowledge base: checks what it returns (dimension,
 * finite numbers, not all zero), scales vectors to unit length so that Lucene's dot product is the
 * cosine, and bounds the text of a query. A failing embedder surfaces as a {@link
 * KnowledgeBaseStorageException} naming the model. Thread-safe when the embedder is.
 */
public final class ArticleEmbeddings {
  /** A query longer than this is embedded by its beginning only (models read about 512 tokens). */
  public static final int MAX_QUERY_CHARS = 512;

  private final TextEmbedder embedder;
  private final String modelId;
  private final int dimension;

  /**
   * Wraps an embedder after checking its model id and dimension.
   *
   * @param embedder the embedder
   * @throws ValidationException when the model id is blank or longer than 200 characters, or the
   *     dimension is outside 1 to 1024
   */
  public ArticleEmbeddings(TextEmbedder embedder) {
    this.embedder = embedder;
    this.modelId = embedder.modelId();
    this.dimension = embedder.dimension();
    if (modelId == null || modelId.isBlank() || modelId.length() > 200) {
      throw new ValidationException(
          "embedder.modelId", modelId, "must be 1 to 200 characters, not blank");
    }
    if (dimension < 1 || dimension > 1024) {
      throw new ValidationException("embedder.dimension", dimension, "must be between 1 and 1024");
    }
  }

  /** Returns the embedder's model id, recorded with the index. */
  public String modelId() {
    return modelId;
  }

  /** Returns the vectors' dimension. */
  public int dimension() {
    return dimension;
  }

  /** Returns the unit vector of an article's title and body. */
  public float[] article(Article article) {
    float[] vector;
    try {
      vector = embedder.embedArticle(article.title(), article.body());
    } catch (RuntimeException e) {
      throw new KnowledgeBaseStorageException(
          "The text embedder " + modelId + " failed on article " + article.id() + ": " + e, e);
    }
    return unit(vector, "article " + article.id());
  }

  /** Returns the unit vector of a search text (its first {@value #MAX_QUERY_CHARS} characters). */
  public float[] query(String text) {
    String bounded = text.strip();
    if (bounded.length() > MAX_QUERY_CHARS) {
      int end = MAX_QUERY_CHARS;
      if (Character.isHighSurrogate(bounded.charAt(end - 1))) {
        end--;
      }
      bounded = bounded.substring(0, end);
    }
    float[] vector;
    try {
      vector = embedder.embedQuery(bounded);
    } catch (RuntimeException e) {
      // the text is not repeated: it may hold a customer's personal data
      throw new KnowledgeBaseStorageException(
          "The text embedder " + modelId + " failed on a query: " + e, e);
    }
    return unit(vector, "a query");
  }

  private float[] unit(float[] vector, String what) {
    if (vector == null || vector.length != dimension) {
      throw new KnowledgeBaseStorageException(
          "The text embedder "
              + modelId
              + " returned "
              + (vector == null ? "no vector" : vector.length + " numbers instead of " + dimension)
              + " for "
              + what,
          null);
    }
    double norm = 0;
    for (float value : vector) {
      if (!Float.isFinite(value)) {
        throw new KnowledgeBaseStorageException(
            "The text embedder " + modelId + " returned a non-finite number for " + what, null);
      }
      norm += (double) value * value;
    }
    if (norm == 0) {
      throw new KnowledgeBaseStorageException(
          "The text embedder " + modelId + " returned a zero vector for " + what, null);
    }
    float[] unit = new float[dimension];
    double scale = 1 / Math.sqrt(norm);
    for (int i = 0; i < dimension; i++) {
      unit[i] = (float) (vector[i] * scale);
    }
    return unit;
  }
}
