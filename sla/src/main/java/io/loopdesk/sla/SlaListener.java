package io.loopdesk.sla;

/**
 * Receives SLA events. Called on the thread that drove the tracker ({@code tick} or a ticket
 * event), after the tracker released its lock, so a listener may call back into the tracker or the
 * service desk. An exception thrown by a listener is logged and does not affect other listeners.
 * Must be thread-safe.
 */
@FunctionalInterface
public interface SlaListener {

  /** Receives one event. */
  void onSlaEvent(SlaEvent event);

  /**
   * Receives one event with how it was delivered (due and fired instants, lateness, instance). The
   * tracker calls this method; the default passes the event to {@link #onSlaEvent(SlaEvent)}.
   */
  default void onSlaEvent(SlaEvent event, SlaDelivery delivery) {
    onSlaEvent(event);
  }
}
