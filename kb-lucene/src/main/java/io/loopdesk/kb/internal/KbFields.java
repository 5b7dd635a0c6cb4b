package io.loopdesk.kb.internal;

/**
 * Names of the index fields. Each text is indexed twice, in a "words" field and a "grams" field;
 * {@link KbAnalyzers} explains why.
 */
public final class KbFields {
  /** Article id, exact, stored. */
  public static final String ID = "id";

  /** Version number, stored. */
  public static final String VERSION = "version";

  /** Title as words (smartcn segmentation, English Porter stems). */
  public static final String TITLE_WORDS = "title_w";

  /** Title as CJK bigrams and unstemmed English words; stores the title. */
  public static final String TITLE_GRAMS = "title_g";

  /** Title as single Chinese characters, without function characters. */
  public static final String TITLE_CHARS = "title_c";

  /** Body as single Chinese characters, without function characters. */
  public static final String BODY_CHARS = "body_c";

  /** Lower-cased whole title for "title starts with" autocomplete. */
  public static final String TITLE_KEY = "title_key";

  /** Body as words. */
  public static final String BODY_WORDS = "body_w";

  /** Body as CJK bigrams and unstemmed English words; stores the body. */
  public static final String BODY_GRAMS = "body_g";

  /** Kind name, exact; also a facet dimension. */
  public static final String KIND = "kind";

  /** Category tags, exact, multi-valued; also a facet dimension. */
  public static final String CATEGORY = "category";

  /** Product, exact; also a facet dimension. Absent for articles that apply to every product. */
  public static final String PRODUCT = "product";

  /** Present with value {@code "1"} on articles that apply to every product. */
  public static final String ANY_PRODUCT = "any_product";

  /** Status name, exact. */
  public static final String STATUS = "status";

  /** Effective-from epoch millisecond (inclusive), {@code Long.MIN_VALUE} when unbounded. */
  public static final String EFFECTIVE_FROM = "effective_from";

  /** Effective-until epoch millisecond (exclusive), {@code Long.MAX_VALUE} when unbounded. */
  public static final String EFFECTIVE_UNTIL = "effective_until";

  /** Usage count as a numeric doc value, for display. */
  public static final String USAGE = "usage";

  /** Ranking features (Lucene {@code FeatureField}); holds feature {@link #USAGE_FEATURE}. */
  public static final String FEATURES = "features";

  /** Name of the usage feature inside {@link #FEATURES}. */
  public static final String USAGE_FEATURE = "usage";

  /**
   * The article's unit vector from the text embedder (HNSW graph), present only with semantic
   * search.
   */
  public static final String VECTOR = "vector";

  /** Facet dimension names. */
  public static final String DIM_KIND = "kind";

  /** Facet dimension of category tags. */
  public static final String DIM_CATEGORY = "category";

  /** Facet dimension of products. */
  public static final String DIM_PRODUCT = "product";

  private KbFields() {}
}
