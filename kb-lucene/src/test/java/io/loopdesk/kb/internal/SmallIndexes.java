package io.loopdesk.kb.internal;

import java.io.IOException;
import java.util.List;
import java.util.function.Function;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.store.Directory;

/**
 * Small indexes of a few shared words, for properties that compare two ways of searching: many
 * articles share words, so scores tie, and the index has as many segments as asked.
 */
final class SmallIndexes {
  /** The words articles and queries are made of. */
  static final List<String> WORDS =
      List.of("退货", "换货", "三包", "refund", "battery", "电池", "充电", "delay", "投诉", "升级");

  private SmallIndexes() {}

  /**
   * Indexes the documents in order, committing after every {@code docs.size() / segments} of them,
   * with no merging, and returns the open writer for deletions.
   */
  static <T> IndexWriter write(
      Directory directory, List<T> docs, int segments, Function<Integer, Document> document)
      throws IOException {
    IndexWriter writer =
        new IndexWriter(
            directory,
            new IndexWriterConfig(new WhitespaceAnalyzer()).setMergePolicy(NoMergePolicy.INSTANCE));
    for (int i = 0; i < docs.size(); i++) {
      writer.addDocument(document.apply(i));
      if ((i + 1) % Math.max(1, docs.size() / segments) == 0) {
        writer.commit();
      }
    }
    return writer;
  }
}
