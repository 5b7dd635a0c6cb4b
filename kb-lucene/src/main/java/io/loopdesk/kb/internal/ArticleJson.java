package io.loopdesk.kb.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.loopdesk.api.kb.Article;
import io.loopdesk.api.kb.ArticleKind;
import io.loopdesk.api.kb.ArticleStatus;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The stored JSON form of an article, shared by the journal and the database, decoupled from the
 * API type so the stored format stays stable. Thread-safe.
 */
final class ArticleJson {
  static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .setSerializationInclusion(JsonInclude.Include.NON_NULL);

  private ArticleJson() {}

  /**
   * Writes an article as JSON text made of valid UTF-16 only: an unpaired surrogate (articles may
   * hold any char) is written as a {@code \\uXXXX} escape, which databases store and JSON reads
   * back as the same char. Control characters are escaped by Jackson anyway, so the text holds no
   * NUL.
   */
  static String write(Article article) {
    try {
      return escapeUnpairedSurrogates(JSON.writeValueAsString(ArticleRecord.of(article)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write article " + article.id() + " as JSON", e);
    }
  }

  /** Reads an article written by {@link #write}. */
  static Article read(String json) throws JsonProcessingException {
    return JSON.readValue(json, ArticleRecord.class).toArticle();
  }

  static String escapeUnpairedSurrogates(String json) {
    StringBuilder out = null;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      boolean unpaired =
          Character.isHighSurrogate(c)
              ? i + 1 >= json.length() || !Character.isLowSurrogate(json.charAt(i + 1))
              : Character.isLowSurrogate(c)
                  && (i == 0 || !Character.isHighSurrogate(json.charAt(i - 1)));
      if (unpaired && out == null) {
        out = new StringBuilder(json.length() + 16).append(json, 0, i);
      }
      if (out != null) {
        if (unpaired) {
          out.append("\\u")
              .append(Character.forDigit((c >> 12) & 0xF, 16))
              .append(Character.forDigit((c >> 8) & 0xF, 16))
              .append(Character.forDigit((c >> 4) & 0xF, 16))
              .append(Character.forDigit(c & 0xF, 16));
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? json : out.toString();
  }

  /** Stored shape of an article. */
  record ArticleRecord(
      String id,
      long version,
      String title,
      String body,
      String kind,
      List<String> categories,
      String product,
      String status,
      Instant effectiveFrom,
      Instant effectiveUntil,
      Instant updatedAt) {

    static ArticleRecord of(Article a) {
      return new ArticleRecord(
          a.id(),
          a.version(),
          a.title(),
          a.body(),
          a.kind().name(),
          List.copyOf(a.categories()),
          a.product(),
          a.status().name(),
          a.effectiveFrom(),
          a.effectiveUntil(),
          a.updatedAt());
    }

    Article toArticle() {
      return new Article(
          id,
          version,
          title,
          body == null ? "" : body,
          ArticleKind.valueOf(kind),
          categories == null ? Set.<String>of() : new TreeSet<>(categories),
          product,
          ArticleStatus.valueOf(status),
          effectiveFrom,
          effectiveUntil,
          updatedAt);
    }
  }
}
