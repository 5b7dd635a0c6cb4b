package io.loopdesk.kb;

/** What {@link LuceneKnowledgeBase.Builder#open()} does when the index on disk cannot be read. */
public enum CorruptIndexPolicy {
  /**
   * Throw {@link io.loopdesk.api.kb.IndexCorruptedException} and leave the files untouched, so an
   * operator can inspect them. The default.
   */
  FAIL,
  /**
   * Discard the damaged index and rebuild it from the article store, logging nothing but
   * succeeding.
   */
  REBUILD
}
