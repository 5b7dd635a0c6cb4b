package io.loopdesk.api.kb;

/** Which articles a search may return. */
public enum Visibility {
  /**
   * Only articles that are published and effective at the knowledge base clock's instant. Default.
   */
  LIVE,
  /** Every article whatever its status and dates: for editors managing the knowledge base. */
  ALL
}
