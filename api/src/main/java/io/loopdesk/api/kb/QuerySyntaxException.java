package io.loopdesk.api.kb;

/**
 * A query written in the engine's advanced syntax could not be parsed. Only thrown when the caller
 * asked for {@link QuerySyntax#ADVANCED}; plain text never causes it.
 */
public final class QuerySyntaxException extends KnowledgeBaseException {
  private static final long serialVersionUID = 1L;

  private final String query;

  /**
   * Creates the exception.
   *
   * @param query the query text that was rejected
   * @param problem what the parser complained about
   * @param cause the parser's error
   */
  public QuerySyntaxException(String query, String problem, Throwable cause) {
    super("Cannot parse advanced query '" + query + "': " + problem, cause);
    this.query = query;
  }

  /** Returns the query text that was rejected. */
  public String query() {
    return query;
  }
}
