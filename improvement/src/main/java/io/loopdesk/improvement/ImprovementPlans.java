package io.loopdesk.improvement;

import io.loopdesk.api.Checks;
import io.loopdesk.api.DelayRequest;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.ValidationException;
import io.loopdesk.api.kb.Article;
import io.loopdesk.api.kb.ArticleKind;
import io.loopdesk.api.kb.ArticleStatus;
import io.loopdesk.api.kb.KnowledgeBase;
import io.loopdesk.sla.calendar.BusinessCalendar;
import io.loopdesk.sla.calendar.DelayRequestNoticeRule;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Runs improvement plans in memory. Every change names the version the caller last saw and returns
 * the new snapshot; a stale version, an unknown plan or a broken process rule throws {@link
 * PlanRuleException} and changes nothing. Time comes from the injected clock; working days from the
 * business calendar. Thread-safe.
 *
 * <p>Delay requests follow the after-sales standard: they must be filed in time by the {@link
 * DelayRequestNoticeRule} on the business calendar (the same rule as a ticket's delay requests),
 * ask for a later end, and are decided (approved or rejected) by someone other than the requester,
 * normally the next level of the owner's chain.
 */
public final class ImprovementPlans {
  private final Clock clock;
  private final DelayRequestNoticeRule noticeRule;
  private final ConcurrentHashMap<String, ImprovementPlan> plans = new ConcurrentHashMap<>();

  /**
   * Creates the service.
   *
   * @param clock the source of "now"
   * @param calendar the calendar whose working days the delay requests' notice rule counts
   */
  public ImprovementPlans(Clock clock, BusinessCalendar calendar) {
    this.clock = Checks.notNull("clock", clock);
    this.noticeRule = DelayRequestNoticeRule.on(Checks.notNull("calendar", calendar));
  }

  /**
   * Creates a plan from a draft: version 0, not started, not finished, no delay requests.
   *
   * @param draft the plan as designed
   * @return the stored plan at version 1
   */
  public ImprovementPlan create(ImprovementPlan draft) {
    Checks.notNull("draft", draft);
    if (draft.version() != 0
        || draft.started()
        || draft.actualEnd() != null
        || !draft.delayRequests().isEmpty()) {
      throw new ValidationException(
          "draft",
          draft.id(),
          "must be version 0, not started, not finished, without delay requests");
    }
    ImprovementPlan created =
        copy(
            draft,
            1,
            draft.started(),
            null,
            draft.linkedTickets(),
            draft.tasks(),
            draft.plannedEnd(),
            List.of());
    if (plans.putIfAbsent(created.id(), created) != null) {
      throw new PlanRuleException(created.id(), "a plan with this id already exists");
    }
    return created;
  }

  /**
   * Returns a plan.
   *
   * @param id the plan id
   * @return the current snapshot
   * @throws PlanRuleException if there is no such plan
   */
  public ImprovementPlan get(String id) {
    ImprovementPlan plan = plans.get(Checks.notNull("id", id));
    if (plan == null) {
      throw new PlanRuleException(id, "no such plan");
    }
    return plan;
  }

  /** Returns every plan, ordered by planned end. */
  public List<ImprovementPlan> list() {
    List<ImprovementPlan> all = new ArrayList<>(plans.values());
    all.sort(Comparator.comparing(ImprovementPlan::plannedEnd).thenComparing(ImprovementPlan::id));
    return all;
  }

  /**
   * Links more feedback tickets to the plan.
   *
   * @param id the plan
   * @param expectedVersion the version the caller last saw
   * @param tickets the tickets
   * @return the updated plan
   */
  public ImprovementPlan linkTickets(
      String id, long expectedVersion, Collection<TicketId> tickets) {
    Checks.notNull("tickets", tickets);
    return update(
        id,
        expectedVersion,
        p -> {
          Set<TicketId> linked = new HashSet<>(p.linkedTickets());
          linked.addAll(tickets);
          return copy(
              p,
              p.version(),
              p.started(),
              p.actualEnd(),
              linked,
              p.tasks(),
              p.plannedEnd(),
              p.delayRequests());
        });
  }

  /**
   * Adds a task.
   *
   * @param id the plan
   * @param expectedVersion the version the caller last saw
   * @param task the task, with an id not used in the plan yet
   * @return the updated plan
   */
  public ImprovementPlan addTask(String id, long expectedVersion, PlanTask task) {
    Checks.notNull("task", task);
    return update(
        id,
        expectedVersion,
        p -> {
          if (p.tasks().stream().anyMatch(t -> t.id().equals(task.id()))) {
            throw new PlanRuleException(id, "task " + task.id() + " already exists");
          }
          List<PlanTask> tasks = new ArrayList<>(p.tasks());
          tasks.add(task);
          return copy(
              p,
              p.version(),
              p.started(),
              p.actualEnd(),
              p.linkedTickets(),
              tasks,
              p.plannedEnd(),
              p.delayRequests());
        });
  }

  /**
   * Starts work on the plan.
   *
   * @param id the plan
   * @param expectedVersion the version the caller last saw
   * @return the updated plan
   */
  public ImprovementPlan start(String id, long expectedVersion) {
    return update(
        id,
        expectedVersion,
        p -> {
          if (p.started()) {
            throw new PlanRuleException(id, "already started");
          }
          return copy(
              p,
              p.version(),
              true,
              p.actualEnd(),
              p.linkedTickets(),
              p.tasks(),
              p.plannedEnd(),
              p.delayRequests());
        });
  }

  /**
   * Marks a task done.
   *
   * @param id the plan
   * @param expectedVersion the version the caller last saw
   * @param taskId the task
   * @return the updated plan
   */
  public ImprovementPlan completeTask(String id, long expectedVersion, String taskId) {
    return update(
        id,
        expectedVersion,
        p -> {
          if (!p.started()) {
            throw new PlanRuleException(
                id, "tasks can be completed only after the plan has started");
          }
          List<PlanTask> tasks = new ArrayList<>();
          boolean found = false;
          for (PlanTask t : p.tasks()) {
            if (t.id().equals(taskId)) {
              found = true;
              tasks.add(new PlanTask(t.id(), t.title(), t.owner(), t.due(), true));
            } else {
              tasks.add(t);
            }
          }
          if (!found) {
            throw new PlanRuleException(id, "no task " + taskId);
          }
          return copy(
              p,
              p.version(),
              p.started(),
              p.actualEnd(),
              p.linkedTickets(),
              tasks,
              p.plannedEnd(),
              p.delayRequests());
        });
  }

  /**
   * Files a delay request.
   *
   * @param id the plan
   * @param expectedVersion the version the caller last saw
   * @param requestId the request's id
   * @param newEnd the requested planned end, after the current one
   * @param reason why
   * @param requestedBy who asks
   * @return the updated plan
   * @throws PlanRuleException if filed later than the {@link DelayRequestNoticeRule} allows for the
   *     planned end, if another request is pending, or if the plan is done
   */
  public ImprovementPlan requestDelay(
      String id,
      long expectedVersion,
      String requestId,
      Instant newEnd,
      String reason,
      String requestedBy) {
    return update(
        id,
        expectedVersion,
        p -> {
          Instant now = clock.instant();
          if (p.actualEnd() != null) {
            throw new PlanRuleException(id, "the plan is already done");
          }
          if (p.pendingDelay().isPresent()) {
            throw new PlanRuleException(
                id, "delay request " + p.pendingDelay().get().id() + " is still pending");
          }
          if (Checks.notNull("newEnd", newEnd).compareTo(p.plannedEnd()) <= 0) {
            throw new ValidationException(
                "newEnd", newEnd, "must be after the planned end " + p.plannedEnd());
          }
          if (!noticeRule.isInTime(now, p.plannedEnd())) {
            throw new PlanRuleException(
                id,
                "a delay request must be filed at least one working day before the planned end "
                    + p.plannedEnd()
                    + " (latest "
                    + noticeRule.latestFiling(p.plannedEnd())
                    + "), it was filed at "
                    + now);
          }
          List<DelayRequest> requests = new ArrayList<>(p.delayRequests());
          if (requests.stream().anyMatch(d -> d.id().equals(requestId))) {
            throw new PlanRuleException(id, "delay request " + requestId + " already exists");
          }
          requests.add(
              DelayRequest.pending(
                  requestId, id, requestedBy, now, p.plannedEnd(), newEnd, reason, ""));
          return copy(
              p,
              p.version(),
              p.started(),
              p.actualEnd(),
              p.linkedTickets(),
              p.tasks(),
              p.plannedEnd(),
              requests);
        });
  }

  /**
   * Approves or rejects the pending delay request; an approval moves the planned end.
   *
   * @param id the plan
   * @param expectedVersion the version the caller last saw
   * @param approve true to approve
   * @param decidedBy who decides, not the requester
   * @return the updated plan
   */
  public ImprovementPlan decideDelay(
      String id, long expectedVersion, boolean approve, String decidedBy) {
    Checks.text("decidedBy", decidedBy, Checks.MAX_ID_LENGTH);
    return update(
        id,
        expectedVersion,
        p -> {
          DelayRequest pending =
              p.pendingDelay()
                  .orElseThrow(() -> new PlanRuleException(id, "no delay request is pending"));
          if (pending.requesterId().equals(decidedBy)) {
            throw new PlanRuleException(
                id, "the requester " + decidedBy + " cannot decide their own delay request");
          }
          List<DelayRequest> requests = new ArrayList<>();
          for (DelayRequest d : p.delayRequests()) {
            requests.add(
                d != pending
                    ? d
                    : d.decide(
                        approve ? DelayRequest.Status.APPROVED : DelayRequest.Status.REJECTED,
                        decidedBy,
                        clock.instant(),
                        ""));
          }
          Instant end = approve ? pending.requestedDue() : p.plannedEnd();
          return copy(
              p,
              p.version(),
              p.started(),
              p.actualEnd(),
              p.linkedTickets(),
              p.tasks(),
              end,
              requests);
        });
  }

  /**
   * Finishes the plan now. Every task must be done.
   *
   * @param id the plan
   * @param expectedVersion the version the caller last saw
   * @return the finished plan
   */
  public ImprovementPlan complete(String id, long expectedVersion) {
    return update(
        id,
        expectedVersion,
        p -> {
          if (!p.started()) {
            throw new PlanRuleException(id, "the plan has not started");
          }
          if (!p.allTasksDone()) {
            throw new PlanRuleException(
                id,
                "open tasks: "
                    + p.tasks().stream().filter(t -> !t.done()).map(PlanTask::id).toList());
          }
          return copy(
              p,
              p.version(),
              true,
              clock.instant(),
              p.linkedTickets(),
              p.tasks(),
              p.plannedEnd(),
              p.delayRequests());
        });
  }

  /**
   * Turns a finished plan into a published improvement case for the knowledge base.
   *
   * @param id a finished plan
   * @return the case article, ready for {@link KnowledgeBase#save}
   */
  public Article caseArticle(String id) {
    ImprovementPlan p = get(id);
    if (p.actualEnd() == null) {
      throw new PlanRuleException(id, "only a finished plan becomes an improvement case");
    }
    String body =
        "Root cause: "
            + p.rootCause()
            + "\n"
            + "Target: "
            + p.target()
            + "\n"
            + "Measures: "
            + String.join("; ", p.measures())
            + "\n"
            + "Responsible: "
            + p.department()
            + "\n"
            + "Feedback tickets: "
            + p.linkedTickets().size()
            + "\n"
            + "Finished: "
            + p.actualEnd()
            + (p.actualEnd().isAfter(p.plannedEnd()) ? " (after the planned end)" : " (on time)");
    return Article.builder("case-" + p.id())
        .title("Improvement case: " + p.title())
        .body(body)
        .kind(ArticleKind.CASE)
        .categories("improvement-case", p.department())
        .status(ArticleStatus.PUBLISHED)
        .effectiveFrom(p.actualEnd())
        .build();
  }

  /**
   * Publishes a finished plan's improvement case to a knowledge base.
   *
   * @param id a finished plan
   * @param knowledgeBase where agents search
   * @return the saved article
   */
  public Article publishCase(String id, KnowledgeBase knowledgeBase) {
    return Checks.notNull("knowledgeBase", knowledgeBase).save(caseArticle(id));
  }

  private ImprovementPlan update(
      String id, long expectedVersion, UnaryOperator<ImprovementPlan> change) {
    get(id);
    return plans.compute(
        id,
        (key, current) -> {
          if (current.version() != expectedVersion) {
            throw new PlanRuleException(
                id,
                "changed concurrently: expected version "
                    + expectedVersion
                    + " but the current version is "
                    + current.version());
          }
          ImprovementPlan changed = change.apply(current);
          return copy(
              changed,
              current.version() + 1,
              changed.started(),
              changed.actualEnd(),
              changed.linkedTickets(),
              changed.tasks(),
              changed.plannedEnd(),
              changed.delayRequests());
        });
  }

  private static ImprovementPlan copy(
      ImprovementPlan p,
      long version,
      boolean started,
      Instant actualEnd,
      Set<TicketId> linked,
      List<PlanTask> tasks,
      Instant plannedEnd,
      List<DelayRequest> delays) {
    return new ImprovementPlan(
        p.id(),
        version,
        p.title(),
        p.rootCause(),
        p.target(),
        p.measures(),
        p.department(),
        p.owner(),
        p.plannedStart(),
        plannedEnd,
        started,
        actualEnd,
        linked,
        tasks,
        delays);
  }
}
