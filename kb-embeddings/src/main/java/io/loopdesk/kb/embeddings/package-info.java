/**
 * Semantic search for the Lucene knowledge base with a local embedding model.
 *
 * <pre>{@code
 * BgeSmallZhEmbedder model = BgeSmallZhEmbedder.load();          // once per JVM, thread-safe
 * LuceneKnowledgeBase kb = LuceneKnowledgeBase.builder()
 *     .directory(Path.of("/var/lib/loopdesk/kb"))
 *     .semanticSearch(new CachingTextEmbedder(model, 100_000))   // BM25 + vectors, fused
 *     .open();
 * }</pre>
 *
 * <p>{@link io.loopdesk.kb.embeddings.BgeSmallZhEmbedder} runs BAAI bge-small-zh-v1.5 on ONNX
 * Runtime; {@link io.loopdesk.kb.embeddings.CachingTextEmbedder} remembers vectors so that rebuilds
 * and repeated queries do not run the model again. Any other model can be used through {@link
 * io.loopdesk.kb.TextEmbedder}.
 */
package io.loopdesk.kb.embeddings;
