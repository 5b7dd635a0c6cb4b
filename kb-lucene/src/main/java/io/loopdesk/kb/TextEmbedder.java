package io.loopdesk.kb;

/**
 * Turns text into a dense vector whose direction stands for its meaning, for the semantic half of
 * {@link HybridRanking hybrid search}. Plug one in with {@link
 * LuceneKnowledgeBase.Builder#semanticSearch(TextEmbedder, HybridRanking)}; the module {@code
 * loopdesk-kb-embeddings} provides one that runs a local model in-process, and any other model
 * (local or remote) can be used behind this interface.
 *
 * <p>Implementations must be thread-safe and deterministic (the same text gives the same vector),
 * and should return vectors of unit length (the knowledge base normalizes them anyway). Calls made
 * while indexing happen under the knowledge base's write lock; calls made while searching happen on
 * the searching thread.
 */
public interface TextEmbedder {
  /**
   * Names the model and every setting that changes its vectors, e.g. {@code
   * "bge-small-zh-v1.5/cls/query-instruction"}. Recorded in the index: an index built with another
   * id (or without an embedder) is rebuilt on open, so vectors of two models never mix.
   *
   * @return a non-blank identifier of at most 200 characters
   */
  String modelId();

  /**
   * Tells how many numbers each vector holds.
   *
   * @return 1 to 1024, the same for every vector
   */
  int dimension();

  /**
   * Embeds an article for indexing.
   *
   * @param title the article's title, never null
   * @param body the article's body, never null, possibly long
   * @return a vector of {@link #dimension()} finite numbers, not all zero
   */
  float[] embedArticle(String title, String body);

  /**
   * Embeds a search text, which may be a short question or a ticket description.
   *
   * @param text the text, never blank, at most {@value
   *     LuceneKnowledgeBase#MAX_EMBEDDED_QUERY_CHARS} characters
   * @return a vector of {@link #dimension()} finite numbers, not all zero
   */
  float[] embedQuery(String text);
}
