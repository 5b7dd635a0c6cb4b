package io.loopdesk.api.kb;

/** How the text of a {@link SearchRequest} is interpreted. */
public enum QuerySyntax {
  /**
   * Plain words as an agent types them. Quotes, brackets, colons, operators and the like have no
   * special meaning and can never make a search fail. The default.
   */
  PLAIN,
  /**
   * The engine's advanced query syntax (for the Lucene implementation: the classic query parser
   * with fields {@code title}, {@code body}, {@code kind}, {@code category}, {@code product}).
   * Malformed input raises {@link QuerySyntaxException}. Only use it for power users who asked.
   */
  ADVANCED
}
