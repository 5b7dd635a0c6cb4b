package io.loopdesk.routing;

/** Whether an agent can take new tickets right now; only {@link #ONLINE} agents are selected. */
public enum Presence {
  /** Logged in and ready. */
  ONLINE,
  /** Logged in but on a call or otherwise occupied; keeps current tickets. */
  BUSY,
  /** Logged in but away (break, meeting). */
  AWAY,
  /** Logged out. */
  OFFLINE
}
