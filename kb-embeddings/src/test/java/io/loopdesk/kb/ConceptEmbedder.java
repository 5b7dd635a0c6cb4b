package io.loopdesk.kb;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny deterministic {@link TextEmbedder} for tests: each of a few concepts is one axis, a text's
 * vector has 1 on the axis of every concept one of whose words it contains, plus a small constant
 * axis so no vector is zero. Words of one concept share no characters, so only this embedder (not
 * the lexical analysis) can tell that 还钱 and "refund" mean the same. Counts its calls.
 */
final class ConceptEmbedder implements TextEmbedder {
  static final List<List<String>> CONCEPTS =
      List.of(
          List.of("refund", "还钱", "reimburse"),
          List.of("battery", "电瓶", "accumulator"),
          List.of("parcel", "包裹", "consignment"),
          List.of("screen", "显示屏", "monitor"));

  private final String id;
  final AtomicInteger articleCalls = new AtomicInteger();
  final AtomicInteger queryCalls = new AtomicInteger();

  ConceptEmbedder(String id) {
    this.id = id;
  }

  @Override
  public String modelId() {
    return id;
  }

  @Override
  public int dimension() {
    return CONCEPTS.size() + 1;
  }

  @Override
  public float[] embedArticle(String title, String body) {
    articleCalls.incrementAndGet();
    return vector(title + " " + body);
  }

  @Override
  public float[] embedQuery(String text) {
    queryCalls.incrementAndGet();
    return vector(text);
  }

  static float[] vector(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    float[] vector = new float[CONCEPTS.size() + 1];
    for (int i = 0; i < CONCEPTS.size(); i++) {
      for (String word : CONCEPTS.get(i)) {
        if (lower.contains(word)) {
          vector[i] = 1;
        }
      }
    }
    vector[CONCEPTS.size()] = 0.1f;
    return vector;
  }
}
