package io.loopdesk.desk.internal;

import io.loopdesk.sla.EscalationAction;
import io.loopdesk.sla.EscalationHandler;

/**
 * An escalation handler that forwards to one bound once the desk exists: the SLA tracker is built
 * before the desk (the desk needs its deadline policy), the real handler after it (it escalates on
 * the desk). Actions before binding fail, and the tracker audits the failure. Thread-safe.
 */
public final class DeferredEscalationHandler implements EscalationHandler {

  private volatile EscalationHandler target;

  /**
   * Binds the real handler, once.
   *
   * @param handler the handler
   * @throws IllegalStateException when already bound
   */
  public void bind(EscalationHandler handler) {
    if (handler == null) {
      throw new IllegalArgumentException("handler is null");
    }
    synchronized (this) {
      if (target != null) {
        throw new IllegalStateException("the escalation handler is already bound");
      }
      target = handler;
    }
  }

  @Override
  public void execute(EscalationAction action) {
    EscalationHandler handler = target;
    if (handler == null) {
      throw new IllegalStateException("the desk is not built yet; no escalation handler is bound");
    }
    handler.execute(action);
  }
}
