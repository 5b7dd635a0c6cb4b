package io.loopdesk.kb.embeddings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loopdesk.api.ValidationException;
import io.loopdesk.kb.TextEmbedder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real model: shape, determinism, meaning, thread safety; and the cache in front of it. */
class BgeSmallZhEmbedderTest {
  private static BgeSmallZhEmbedder model;

  @BeforeAll
  static void load() {
    model = BgeSmallZhEmbedder.load();
  }

  @AfterAll
  static void close() {
    model.close();
  }

  private static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return dot / Math.sqrt(na * nb);
  }

  @Test
  void givesDeterministicUnitVectorsOfTheModelsDimension() {
    float[] first = model.embedQuery("屏幕一闪一闪的");
    assertThat(first).hasSize(BgeSmallZhEmbedder.DIMENSION);
    assertThat(model.embedQuery("屏幕一闪一闪的")).containsExactly(first);
    double norm = 0;
    for (float value : first) {
      norm += value * value;
    }
    assertThat(norm).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
    assertThat(model.modelId()).startsWith("bge-small-zh-v1.5/");
  }

  @Test
  void aParaphraseIsCloserThanAnUnrelatedArticle() {
    float[] query = model.embedQuery("屏幕一闪一闪的");
    float[] flicker = model.embedArticle("显示屏闪烁怎么办", "电视显示屏闪烁时，请检查信号线和刷新率设置。");
    float[] refund = model.embedArticle("退款到账时间说明", "退货商品验收合格后，系统在24小时内发起退款。");
    assertThat(cosine(query, flicker)).isGreaterThan(cosine(query, refund) + 0.05);
    float[] money = model.embedQuery("I want my money back");
    float[] refunds =
        model.embedArticle("Refund policy", "Refunds are issued to the original payment method.");
    float[] heater =
        model.embedArticle(
            "Water heater installation", "The gas water heater must be installed outdoors.");
    assertThat(cosine(money, refunds)).isGreaterThan(cosine(money, heater));
  }

  @Test
  void isThreadSafe() throws Exception {
    List<String> texts = List.of("退货", "空调不制冷", "battery swelling", "怎么预约上门安装");
    List<float[]> expected = texts.stream().map(model::embedQuery).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        int index = i % texts.size();
        results.add(
            pool.submit(
                () ->
                    java.util.Arrays.equals(
                        model.embedQuery(texts.get(index)), expected.get(index))));
      }
      for (Future<Boolean> result : results) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void rejectsBadSettingsAndBlankQueries() {
    assertThatThrownBy(() -> model.embedQuery(" ")).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> BgeSmallZhEmbedder.builder().threads(0))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> BgeSmallZhEmbedder.builder().maxArticleChars(10))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> new CachingTextEmbedder(model, 0))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void theCacheRunsTheModelOncePerTextAndHandsOutCopies() {
    AtomicInteger calls = new AtomicInteger();
    TextEmbedder counting =
        new TextEmbedder() {
          @Override
          public String modelId() {
            return "counting";
          }

          @Override
          public int dimension() {
            return 2;
          }

          @Override
          public float[] embedArticle(String title, String body) {
            calls.incrementAndGet();
            return new float[] {title.length(), body.length()};
          }

          @Override
          public float[] embedQuery(String text) {
            calls.incrementAndGet();
            return new float[] {text.length(), 1};
          }
        };
    CachingTextEmbedder cache = new CachingTextEmbedder(counting, 10);
    float[] first = cache.embedArticle("ab", "c");
    first[0] = 99;
    assertThat(cache.embedArticle("ab", "c")).containsExactly(2, 1);
    assertThat(cache.embedArticle("a", "bc")).containsExactly(1, 2);
    assertThat(cache.embedQuery("ab")).containsExactly(2, 1);
    assertThat(cache.embedQuery("ab")).containsExactly(2, 1);
    assertThat(calls).hasValue(3);
    assertThat(cache.modelId()).isEqualTo("counting");
  }
}
