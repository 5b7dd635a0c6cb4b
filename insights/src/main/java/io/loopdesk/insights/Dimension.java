package io.loopdesk.insights;

/** A way of slicing KPIs. Tickets count under their latest value of the dimension. */
public enum Dimension {
  /** The department of the latest assignment ({@code UNASSIGNED} if none). */
  DEPARTMENT,
  /** The agent of the latest assignment ({@code UNASSIGNED} if none). */
  AGENT,
  /** The channel the ticket came from. */
  CHANNEL,
  /** The latest category ({@code UNCLASSIFIED} if none). */
  CATEGORY,
  /** The latest priority ({@code UNCLASSIFIED} if none). */
  PRIORITY
}
