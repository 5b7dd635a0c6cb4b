package io.loopdesk.api.kb;

import io.loopdesk.api.Checks;
import io.loopdesk.api.ValidationException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One version of a knowledge-base article. Immutable.
 *
 * <p>To create an article build it with {@link #builder(String)} and pass it to {@link
 * KnowledgeBase#save(Article)} with version {@code 0}; to change one, take the stored copy, call
 * {@link #toBuilder()}, change it and save it: the knowledge base checks that the version you
 * started from is still the current one and stores the next version with {@link #updatedAt()} taken
 * from its clock.
 *
 * <p><b>A new article is a {@link ArticleStatus#DRAFT}</b>: it is stored and can be fetched, but
 * agents' searches and ticket suggestions never return it. To make it visible, build or save it as
 * {@link ArticleStatus#PUBLISHED} ({@link Builder#published()}); searches that find only hidden
 * articles say so in {@link SearchResult#notLiveMatches()} and {@link
 * TicketSuggestions#notLiveMatches()}.
 *
 * @param id stable id: 1-128 letters, digits, {@code . _ -}
 * @param version {@code 0} for an article never saved, then 1, 2, ... assigned by the knowledge
 *     base
 * @param title the title, 1-300 characters, never blank
 * @param body the body text, at most 100,000 characters, may be empty
 * @param kind what the article is for
 * @param categories category and scenario tags (e.g. {@code "售后/退货"}, {@code "greeting"}), at most
 *     32, each 1-64 characters; kept sorted
 * @param product the product the article is about, or {@code ""} when it applies to every product
 * @param status editorial status; only {@link ArticleStatus#PUBLISHED} can reach agents
 * @param effectiveFrom first instant the article applies, or {@code null} for "since always"
 * @param effectiveUntil first instant it no longer applies (exclusive), or {@code null} for "no
 *     end"
 * @param updatedAt when this version was saved, assigned by the knowledge base; {@code null} before
 */
public record Article(
    String id,
    long version,
    String title,
    String body,
    ArticleKind kind,
    Set<String> categories,
    String product,
    ArticleStatus status,
    Instant effectiveFrom,
    Instant effectiveUntil,
    Instant updatedAt) {

  /** Longest accepted title. */
  public static final int MAX_TITLE_LENGTH = 300;

  /** Longest accepted body. */
  public static final int MAX_BODY_LENGTH = 100_000;

  /** Validates and copies the arguments; see the record description for the rules. */
  public Article {
    Checks.id("article.id", id);
    if (version < 0) {
      throw new ValidationException("article.version", version, "must not be negative");
    }
    title = Checks.strip(Checks.visibleText("article.title", title, MAX_TITLE_LENGTH));
    body = Checks.maxLength("article.body", Checks.notNull("article.body", body), MAX_BODY_LENGTH);
    Checks.notNull("article.kind", kind);
    categories = Checks.tags("article.categories", categories, Checks.MAX_TAGS);
    product = Checks.optionalStrippedText("article.product", product, Checks.MAX_ID_LENGTH);
    Checks.notNull("article.status", status);
    if (effectiveFrom != null
        && effectiveUntil != null
        && !effectiveFrom.isBefore(effectiveUntil)) {
      throw new ValidationException(
          "article.effectiveUntil", effectiveUntil, "must be after effectiveFrom " + effectiveFrom);
    }
  }

  /**
   * Starts building a new article (version 0, {@link ArticleKind#FAQ}, {@link ArticleStatus#DRAFT},
   * no product, always effective). Call {@link Builder#published()} for an article agents may see
   * as soon as it is saved; a draft is hidden from them.
   *
   * @param id the article id
   * @return a builder
   */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** Returns a builder holding all values of this version, e.g. to save the next version. */
  public Builder toBuilder() {
    Builder builder = new Builder(id);
    builder.version = version;
    builder.title = title;
    builder.body = body;
    builder.kind = kind;
    builder.categories = new LinkedHashSet<>(categories);
    builder.product = product;
    builder.status = status;
    builder.effectiveFrom = effectiveFrom;
    builder.effectiveUntil = effectiveUntil;
    builder.updatedAt = updatedAt;
    return builder;
  }

  /**
   * Tells whether agents may see this version at the given instant: it is published and the instant
   * lies in {@code [effectiveFrom, effectiveUntil)}.
   *
   * @param instant the instant to evaluate, usually {@code clock.instant()}
   * @return true when the article is live at that instant
   */
  public boolean isLiveAt(Instant instant) {
    Checks.notNull("instant", instant);
    return status == ArticleStatus.PUBLISHED
        && (effectiveFrom == null || !instant.isBefore(effectiveFrom))
        && (effectiveUntil == null || instant.isBefore(effectiveUntil));
  }

  /** Returns the same article with another version and save time; used by implementations. */
  public Article withVersion(long newVersion, Instant newUpdatedAt) {
    return new Article(
        id,
        newVersion,
        title,
        body,
        kind,
        categories,
        product,
        status,
        effectiveFrom,
        effectiveUntil,
        newUpdatedAt);
  }

  @Override
  public String toString() {
    return "Article[id="
        + id
        + ", version="
        + version
        + ", kind="
        + kind
        + ", status="
        + status
        + ", title="
        + (title.length() > 60 ? title.substring(0, 60) + "..." : title)
        + "]";
  }

  /**
   * Mutable builder of {@link Article}; validation happens in {@link #build()}. Not thread-safe.
   */
  public static final class Builder {
    private final String id;
    private long version;
    private String title;
    private String body = "";
    private ArticleKind kind = ArticleKind.FAQ;
    private Set<String> categories = new LinkedHashSet<>();
    private String product = "";
    private ArticleStatus status = ArticleStatus.DRAFT;
    private Instant effectiveFrom;
    private Instant effectiveUntil;
    private Instant updatedAt;

    private Builder(String id) {
      this.id = id;
    }

    /** Sets the version this change is based on ({@code 0} for a new article). */
    public Builder version(long value) {
      this.version = value;
      return this;
    }

    /** Sets the title. */
    public Builder title(String value) {
      this.title = value;
      return this;
    }

    /** Sets the body text. */
    public Builder body(String value) {
      this.body = value;
      return this;
    }

    /** Sets the kind. */
    public Builder kind(ArticleKind value) {
      this.kind = value;
      return this;
    }

    /** Replaces the category and scenario tags. */
    public Builder categories(Collection<String> values) {
      this.categories = values == null ? null : new LinkedHashSet<>(values);
      return this;
    }

    /** Replaces the category and scenario tags. */
    public Builder categories(String... values) {
      return categories(java.util.Arrays.asList(values));
    }

    /** Sets the product, {@code ""} or {@code null} for "every product". */
    public Builder product(String value) {
      this.product = value;
      return this;
    }

    /**
     * Sets the editorial status; {@link ArticleStatus#DRAFT} unless set. Only {@link
     * ArticleStatus#PUBLISHED} articles reach agents.
     */
    public Builder status(ArticleStatus value) {
      this.status = value;
      return this;
    }

    /**
     * Sets the status to {@link ArticleStatus#PUBLISHED}: agents see the article once it is saved.
     */
    public Builder published() {
      return status(ArticleStatus.PUBLISHED);
    }

    /** Sets the first instant the article applies ({@code null}: since always). */
    public Builder effectiveFrom(Instant value) {
      this.effectiveFrom = value;
      return this;
    }

    /** Sets the first instant the article no longer applies ({@code null}: no end). */
    public Builder effectiveUntil(Instant value) {
      this.effectiveUntil = value;
      return this;
    }

    /** Sets the save time; normally left alone, the knowledge base assigns it. */
    public Builder updatedAt(Instant value) {
      this.updatedAt = value;
      return this;
    }

    /**
     * Validates and builds the article.
     *
     * @return the article
     * @throws ValidationException naming the first invalid field
     */
    public Article build() {
      return new Article(
          id,
          version,
          title,
          body,
          kind,
          categories,
          product,
          status,
          effectiveFrom,
          effectiveUntil,
          updatedAt);
    }
  }
}
