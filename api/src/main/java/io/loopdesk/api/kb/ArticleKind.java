package io.loopdesk.api.kb;

/** What an article is for; agents filter and facet on it. */
public enum ArticleKind {
  /** A question customers often ask, with the approved answer. */
  FAQ,
  /** A standard script: greeting, closing, objection handling, apology. */
  SCRIPT,
  /** A product manual or how-to (installation, operation, troubleshooting). */
  MANUAL,
  /** A policy such as the "three guarantees" return/repair/replace rules or refund terms. */
  POLICY,
  /** A past case and what was improved after it. */
  CASE
}
