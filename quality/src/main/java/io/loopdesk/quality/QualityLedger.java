package io.loopdesk.quality;

import io.loopdesk.api.ValidationException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Keeps each agent's quality record. A scorecard fails when its total is below the pass mark
 * (default 80); {@code failuresBeforeRetraining} failures in a row (default 3) flag the agent for
 * retraining, and the listeners hear about it once. Completing retraining clears the flag and the
 * run of failures. Thread-safe; updates of one agent are atomic.
 */
public final class QualityLedger {
  private final double passMark;
  private final int failuresBeforeRetraining;
  private final Map<String, AgentQualityStatus> records = new ConcurrentHashMap<>();
  private final List<Consumer<AgentQualityStatus>> retrainingListeners =
      new CopyOnWriteArrayList<>();

  /**
   * Creates a ledger.
   *
   * @param passMark the lowest passing total, 0..100
   * @param failuresBeforeRetraining failures in a row that flag an agent, at least 1
   */
  public QualityLedger(double passMark, int failuresBeforeRetraining) {
    if (!(passMark >= 0 && passMark <= 100)) {
      throw new ValidationException("passMark", passMark, "must be between 0 and 100");
    }
    if (failuresBeforeRetraining < 1) {
      throw new ValidationException(
          "failuresBeforeRetraining", failuresBeforeRetraining, "must be at least 1");
    }
    this.passMark = passMark;
    this.failuresBeforeRetraining = failuresBeforeRetraining;
  }

  /** Returns a ledger with pass mark 80 and retraining after 3 failures in a row. */
  public static QualityLedger standard() {
    return new QualityLedger(80, 3);
  }

  /**
   * Adds a listener told when an agent becomes flagged for retraining.
   *
   * @param listener called on the recording thread
   */
  public void onRetrainingNeeded(Consumer<AgentQualityStatus> listener) {
    retrainingListeners.add(listener);
  }

  /**
   * Records a scorecard.
   *
   * @param card the scorecard
   * @return the agent's record afterwards
   */
  public AgentQualityStatus record(Scorecard card) {
    if (card == null) {
      throw new ValidationException("scorecard", null, "must not be null");
    }
    boolean[] newlyFlagged = new boolean[1];
    AgentQualityStatus status =
        records.compute(
            card.agentId(),
            (id, old) -> {
              AgentQualityStatus before =
                  old == null ? new AgentQualityStatus(id, 0, 0, 0, false) : old;
              boolean failed = card.total() < passMark;
              int run = failed ? before.consecutiveFailures() + 1 : 0;
              boolean flagged = before.flaggedForRetraining() || run >= failuresBeforeRetraining;
              newlyFlagged[0] = flagged && !before.flaggedForRetraining();
              int reviews = before.reviews() + 1;
              double average =
                  before.averageTotal() + (card.total() - before.averageTotal()) / reviews;
              return new AgentQualityStatus(id, reviews, average, run, flagged);
            });
    if (newlyFlagged[0]) {
      retrainingListeners.forEach(l -> l.accept(status));
    }
    return status;
  }

  /**
   * Clears an agent's retraining flag and run of failures after retraining.
   *
   * @param agentId the agent
   * @return the agent's record afterwards
   */
  public AgentQualityStatus completeRetraining(String agentId) {
    AgentQualityStatus status =
        records.computeIfPresent(
            agentId,
            (id, old) -> new AgentQualityStatus(id, old.reviews(), old.averageTotal(), 0, false));
    if (status == null) {
      throw new ValidationException("agentId", agentId, "has no quality record");
    }
    return status;
  }

  /**
   * Returns an agent's record.
   *
   * @param agentId the agent
   * @return the record, empty if never reviewed
   */
  public Optional<AgentQualityStatus> status(String agentId) {
    return Optional.ofNullable(records.get(agentId));
  }
}
