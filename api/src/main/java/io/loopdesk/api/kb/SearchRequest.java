package io.loopdesk.api.kb;

import io.loopdesk.api.Checks;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A knowledge-base search. Immutable; build with {@link #builder(String)}.
 *
 * @param text what the agent typed; interpreted according to {@link #syntax()}; blank text (only
 *     spaces of any kind, including U+00A0 and U+3000) lists every matching article (useful with
 *     filters)
 * @param syntax how to interpret {@code text}; {@link QuerySyntax#PLAIN} unless asked otherwise
 * @param kinds only articles of these kinds; empty means any kind
 * @param categories only articles carrying at least one of these tags; empty means any
 * @param product only articles for this product or for every product; {@code ""} means no filter
 * @param visibility which articles may be returned
 * @param page zero-based page number, at most {@value #MAX_PAGE}
 * @param pageSize hits per page, 1 to {@value #MAX_PAGE_SIZE}
 * @param facets whether to count matches by kind, category and product
 * @param highlight whether to compute highlighted snippets
 */
public record SearchRequest(
    String text,
    QuerySyntax syntax,
    Set<ArticleKind> kinds,
    Set<String> categories,
    String product,
    Visibility visibility,
    int page,
    int pageSize,
    boolean facets,
    boolean highlight) {

  /**
   * Longest accepted query text: long enough for a pasted ticket description or log excerpt. Long
   * texts are reduced to their most telling words, so the cost of a search stays bounded.
   */
  public static final int MAX_TEXT_LENGTH = 20_000;

  /** Largest page size. */
  public static final int MAX_PAGE_SIZE = 100;

  /** Largest page number: deep paging is a scraping pattern, not an agent's. */
  public static final int MAX_PAGE = 99;

  /** Validates and copies the arguments; see the record description for the rules. */
  public SearchRequest {
    text = Checks.maxLength("search.text", Checks.notNull("search.text", text), MAX_TEXT_LENGTH);
    Checks.notNull("search.syntax", syntax);
    kinds = Checks.noNulls("search.kinds", kinds);
    categories = Checks.tags("search.categories", categories, Checks.MAX_TAGS);
    product = Checks.optionalStrippedText("search.product", product, Checks.MAX_ID_LENGTH);
    Checks.notNull("search.visibility", visibility);
    Checks.range("search.page", page, 0, MAX_PAGE);
    Checks.range("search.pageSize", pageSize, 1, MAX_PAGE_SIZE);
  }

  /**
   * Starts a plain-text search for live articles: first page of 10, with facets and highlights.
   *
   * @param text the text the agent typed
   * @return a builder
   */
  public static Builder builder(String text) {
    return new Builder(text);
  }

  /**
   * Shorthand for a plain-text search with all defaults.
   *
   * @param text the text the agent typed
   * @return the request
   */
  public static SearchRequest of(String text) {
    return builder(text).build();
  }

  /** Mutable builder of {@link SearchRequest}. Not thread-safe. */
  public static final class Builder {
    private final String text;
    private QuerySyntax syntax = QuerySyntax.PLAIN;
    private final Set<ArticleKind> kinds = new LinkedHashSet<>();
    private final Set<String> categories = new LinkedHashSet<>();
    private String product = "";
    private Visibility visibility = Visibility.LIVE;
    private int page;
    private int pageSize = 10;
    private boolean facets = true;
    private boolean highlight = true;

    private Builder(String text) {
      this.text = text;
    }

    /** Sets how the text is interpreted. */
    public Builder syntax(QuerySyntax value) {
      this.syntax = value;
      return this;
    }

    /** Restricts to these kinds (adds to earlier calls). */
    public Builder kinds(ArticleKind... values) {
      for (ArticleKind kind : values) {
        kinds.add(Checks.notNull("search.kinds[]", kind));
      }
      return this;
    }

    /** Restricts to articles carrying at least one of these tags (adds to earlier calls). */
    public Builder categories(Collection<String> values) {
      categories.addAll(Checks.notNull("search.categories", values));
      return this;
    }

    /** Restricts to articles carrying at least one of these tags (adds to earlier calls). */
    public Builder categories(String... values) {
      return categories(java.util.Arrays.asList(values));
    }

    /** Restricts to this product plus articles for every product. */
    public Builder product(String value) {
      this.product = value;
      return this;
    }

    /** Sets which articles may be returned. */
    public Builder visibility(Visibility value) {
      this.visibility = value;
      return this;
    }

    /** Sets the zero-based page and the page size. */
    public Builder page(int number, int size) {
      this.page = number;
      this.pageSize = size;
      return this;
    }

    /** Turns facet counting on or off. */
    public Builder facets(boolean value) {
      this.facets = value;
      return this;
    }

    /** Turns snippet highlighting on or off. */
    public Builder highlight(boolean value) {
      this.highlight = value;
      return this;
    }

    /** Validates and builds the request. */
    public SearchRequest build() {
      return new SearchRequest(
          text, syntax, kinds, categories, product, visibility, page, pageSize, facets, highlight);
    }
  }
}
