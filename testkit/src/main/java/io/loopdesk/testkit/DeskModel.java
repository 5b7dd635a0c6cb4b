package io.loopdesk.testkit;

import io.loopdesk.api.Actor;
import io.loopdesk.api.Channel;
import io.loopdesk.api.Escalation;
import io.loopdesk.api.LoopdeskException;
import io.loopdesk.api.ServiceDesk;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketAction;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.api.VersionConflictException;
import io.loopdesk.api.event.TicketChange;
import io.loopdesk.api.event.TicketEvent;
import io.loopdesk.core.ClosedLoopRule;
import io.loopdesk.core.HistoryChain;
import io.loopdesk.core.HistoryVerification;
import io.loopdesk.core.Lifecycle;
import io.loopdesk.core.ManualClock;
import io.loopdesk.core.TicketHistoryVerifier;
import io.loopdesk.sla.CustomerProgress;
import io.loopdesk.sla.SlaClockState;
import io.loopdesk.sla.SlaMetric;
import io.loopdesk.sla.SlaPolicy;
import io.loopdesk.sla.SlaStatus;
import io.loopdesk.sla.SlaTracker;
import io.loopdesk.sla.TicketSla;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The state of one generated command sequence: the desk under test, the clock it reads, and the
 * kit's own record of every ticket it opened (the last snapshot the desk returned, and whether a
 * satisfactory callback stands unvoided). {@link LoopdeskProperties} drives it with jqwik's {@code
 * ActionChain}; every step checks every {@link Invariant} and throws {@link InvariantViolation} on
 * the first one broken.
 *
 * <p>Not thread-safe: one model belongs to one sequence on one thread.
 */
public final class DeskModel {
  /** Where every sequence starts: a Monday, 09:00 in Shanghai. */
  static final Instant START = Instant.parse("2026-03-02T01:00:00Z");

  private static final int LOG_LINES = 12;

  /** The text of every internal note the kit writes; it must never reach the customer. */
  static final String INTERNAL_NOTE = "内部备注 internal note: supplier ETA unknown";

  private final DeskUnderTest fixture;
  private final ServiceDesk desk;
  private final ManualClock clock;
  private final List<Entry> tickets = new ArrayList<>();
  private final List<String> log = new ArrayList<>();

  /** The kit's record of one ticket. */
  private static final class Entry {
    final String label;
    final TicketId id;
    Ticket last;
    boolean confirmed;

    /** The stored history as last checked in full; unchanged histories are not checked again. */
    List<TicketEvent> checkedHistory = List.of();

    Entry(String label, Ticket opened) {
      this.label = label;
      this.id = opened.id();
      this.last = opened;
    }
  }

  DeskModel(DeskFactory factory) {
    this.clock = ManualClock.at(START);
    this.fixture = factory.create(clock);
    if (fixture == null) {
      throw new IllegalArgumentException("the desk factory returned null");
    }
    this.desk = fixture.desk();
  }

  /** Returns how many tickets the sequence has opened so far. */
  public int ticketCount() {
    return tickets.size();
  }

  /** Returns the current status of every ticket the sequence opened, in opening order. */
  public List<TicketStatus> statuses() {
    return tickets.stream().map(e -> e.last.status()).toList();
  }

  /** A short value that differs whenever a ticket or the clock moved. */
  String fingerprint() {
    StringBuilder s = new StringBuilder().append(clock.instant().toEpochMilli());
    tickets.forEach(e -> s.append(',').append(e.last.version()));
    return s.toString();
  }

  /** Returns the steps run so far, one line each, for reports. */
  public List<String> steps() {
    return List.copyOf(log);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("DeskModel[");
    for (Entry e : tickets) {
      s.append(e.label)
          .append(" v")
          .append(e.last.version())
          .append(' ')
          .append(e.last.status())
          .append("; ");
    }
    return s.append("at ").append(clock.instant()).append(']').toString();
  }

  private boolean allows(TicketStatus status, DeskCommand.Kind kind) {
    Lifecycle lifecycle = fixture.lifecycle();
    if (kind == DeskCommand.Kind.CUSTOM) {
      return !customActions(status).isEmpty();
    }
    return lifecycle.target(status, kind.action()).isPresent();
  }

  private List<TicketAction> customActions(TicketStatus status) {
    return fixture.lifecycle().allowedActions(status).stream()
        .filter(a -> !LoopdeskProperties.STANDARD_ACTIONS.contains(a))
        .sorted(Comparator.comparing(TicketAction::name))
        .toList();
  }

  /** Runs one command and checks every invariant. */
  void run(DeskCommand command) {
    switch (command.kind()) {
      case OPEN -> open(command);
      case PASS_TIME -> passTime(command.pause());
      default -> address(command);
    }
    checkAllTickets(command);
  }

  private void open(DeskCommand command) {
    Ticket opened;
    try {
      opened = desk.open(command.newTicket(), command.actor());
    } catch (RuntimeException e) {
      throw violation(
          Invariant.REJECTION,
          "T" + (tickets.size() + 1),
          command,
          "a valid request was refused: " + describe(e),
          e);
    }
    Entry entry = new Entry("T" + (tickets.size() + 1), opened);
    if (opened.version() != 1) {
      throw violation(
          Invariant.VERSIONS,
          entry.label,
          command,
          "a new ticket has version " + opened.version() + ", not 1",
          null);
    }
    tickets.add(entry);
    log.add(entry.label + " opened by " + who(command.actor()) + " -> v1 " + opened.status());
  }

  private void passTime(Duration pause) {
    Optional<SlaTracker> tracker = fixture.slaTracker();
    Instant before = clock.instant();
    Map<TicketId, TicketSla> clocksBefore = new java.util.HashMap<>();
    tracker.ifPresent(
        t ->
            tickets.forEach(e -> t.status(e.id, before).ifPresent(s -> clocksBefore.put(e.id, s))));
    Instant now = clock.advance(pause);
    log.add("clock +" + pause + " -> " + now);
    if (tracker.isEmpty()) {
      return;
    }
    tracker.get().tick(now);
    tickets.forEach(this::catchUpWithTheTracker);
    for (Entry e : tickets) {
      TicketSla earlier = clocksBefore.get(e.id);
      Optional<TicketSla> later = tracker.get().status(e.id, now);
      if (earlier == null || later.isEmpty()) {
        continue;
      }
      for (Map.Entry<SlaMetric, SlaStatus> clockBefore : earlier.clocks().entrySet()) {
        SlaStatus was = clockBefore.getValue();
        Optional<SlaStatus> is = later.get().clock(clockBefore.getKey());
        if (is.isEmpty()) {
          continue;
        }
        if (was.state() == SlaClockState.PAUSED && !is.get().elapsed().equals(was.elapsed())) {
          throw violation(
              Invariant.SLA_CLOCK,
              e.label,
              null,
              clockBefore.getKey()
                  + " clock counted "
                  + is.get().elapsed().minus(was.elapsed())
                  + " while paused in "
                  + e.last.status()
                  + " over "
                  + pause,
              null);
        }
        if (is.get().elapsed().compareTo(was.elapsed()) < 0
            && is.get().target().equals(was.target())) {
          throw violation(
              Invariant.SLA_CLOCK,
              e.label,
              null,
              clockBefore.getKey()
                  + " clock went back from "
                  + was.elapsed()
                  + " to "
                  + is.get().elapsed(),
              null);
        }
      }
    }
  }

  /**
   * Takes in what the SLA tracker's escalation handler did to a ticket during a tick: such changes
   * must be administrative (not work), so they keep a standing confirmation.
   */
  private void catchUpWithTheTracker(Entry e) {
    List<TicketEvent> history = desk.history(e.id);
    if (history.size() <= e.last.version()) {
      return;
    }
    for (TicketEvent event : history.subList((int) e.last.version(), history.size())) {
      if (event.change().isWork()) {
        throw violation(
            Invariant.SLA_CLOCK,
            e.label,
            null,
            "an SLA tick did work on the ticket ("
                + event.change().getClass().getSimpleName()
                + ")",
            null);
      }
    }
    desk.find(e.id)
        .ifPresent(
            t -> {
              log.add(e.label + " changed by the SLA tick -> v" + t.version() + " " + t.status());
              e.last = t;
            });
  }

  /** Steps towards closing, in the order {@link DeskCommand.Kind#ADVANCE} prefers them. */
  private static final List<DeskCommand.Kind> FORWARD =
      List.of(
          DeskCommand.Kind.CLOSE,
          DeskCommand.Kind.CUSTOM,
          DeskCommand.Kind.CALLBACK,
          DeskCommand.Kind.RESOLVE,
          DeskCommand.Kind.RESUME,
          DeskCommand.Kind.START,
          DeskCommand.Kind.ASSIGN,
          DeskCommand.Kind.CLASSIFY,
          DeskCommand.Kind.REOPEN);

  private void address(DeskCommand generated) {
    if (generated.ticket() >= tickets.size()) {
      return;
    }
    Entry entry = tickets.get(generated.ticket());
    DeskCommand command = generated;
    if (generated.kind() == DeskCommand.Kind.ADVANCE) {
      TicketStatus status = entry.last.status();
      // an odd choice prefers the standard steps over custom actions, so both get taken
      Optional<DeskCommand.Kind> next =
          FORWARD.stream()
              .filter(
                  k ->
                      !(k == DeskCommand.Kind.CUSTOM
                          && generated.choice() % 2 == 1
                          && FORWARD.stream()
                              .anyMatch(
                                  o -> o != k && o != DeskCommand.Kind.CLOSE && allows(status, o))))
              .filter(k -> allows(status, k))
              .findFirst();
      if (next.isEmpty()) {
        return;
      }
      DeskCommand.Kind pause =
          generated.choice() % 2 == 0
              ? DeskCommand.Kind.WAIT_ON_CUSTOMER
              : DeskCommand.Kind.WAIT_ON_THIRD_PARTY;
      boolean wait =
          next.get() == DeskCommand.Kind.RESOLVE
              && generated.choice() % 3 == 0
              && allows(status, pause);
      boolean customerAnswers =
          next.get() == DeskCommand.Kind.RESUME
              && status.equals(TicketStatus.WAITING_ON_CUSTOMER)
              && generated.choice() % 2 == 1
              && allows(status, DeskCommand.Kind.CUSTOMER_REPLY);
      command =
          generated.as(
              wait ? pause : customerAnswers ? DeskCommand.Kind.CUSTOMER_REPLY : next.get());
    }
    Ticket before = entry.last;
    TicketAction action = command.kind().action();
    if (command.kind() == DeskCommand.Kind.CUSTOM) {
      List<TicketAction> custom = customActions(before.status());
      if (custom.isEmpty()) {
        return;
      }
      action = custom.get(Math.floorMod(command.choice(), custom.size()));
    }
    int eventsBefore = desk.history(entry.id).size();
    long expected = before.version() + command.versionOffset();
    String step =
        entry.label
            + " v"
            + before.version()
            + " "
            + before.status()
            + " "
            + action
            + " by "
            + who(command.actor())
            + (command.versionOffset() == 0 ? "" : " at stale v" + expected);
    Ticket after;
    try {
      after = invoke(command, action, entry.id, expected, before);
    } catch (RuntimeException e) {
      log.add(step + " -> refused: " + e.getClass().getSimpleName());
      refused(command, entry, before, eventsBefore, e);
      return;
    }
    log.add(step + " -> v" + after.version() + " " + after.status());
    accepted(command, action, entry, before, after);
  }

  private Ticket invoke(DeskCommand c, TicketAction action, TicketId id, long v, Ticket before) {
    Actor a = c.actor();
    return switch (c.kind()) {
      case CLASSIFY -> desk.classify(id, v, c.classification(), a);
      case ASSIGN -> desk.assign(id, v, c.assignment(), a);
      case START -> desk.start(id, v, a);
      case WAIT_ON_CUSTOMER -> desk.waitOnCustomer(id, v, "请提供购买凭证", a);
      case WAIT_ON_THIRD_PARTY ->
          desk.waitOnThirdParty(id, v, "waiting for the supplier's part", a);
      case RESUME -> desk.resume(id, v, a);
      case RESOLVE -> desk.resolve(id, v, "已更换主板 / replaced the board", a);
      case CALLBACK -> desk.recordCallback(id, v, c.callback(), a);
      case CLOSE -> desk.close(id, v, a);
      case REOPEN -> desk.reopen(id, v, "客户反映问题复现", a);
      case ESCALATE ->
          desk.escalate(
              id, v, Escalation.of(before.escalationLevel() + 1, "team-lead-1", "generated"), a);
      case CUSTOM -> desk.perform(id, v, action, "generated", a);
      case REPLY_TO_CUSTOMER ->
          desk.replyToCustomer(id, v, Channel.PHONE, "您好，我们正在处理 / we are on it", a);
      case CUSTOMER_REPLY ->
          desk.recordCustomerReply(id, v, Channel.APP, "发票已上传 / invoice uploaded", a);
      case INTERNAL_NOTE -> desk.addInternalNote(id, v, INTERNAL_NOTE, a);
      case OPEN, PASS_TIME, ADVANCE ->
          throw new IllegalStateException("not addressed to a ticket: " + c.kind());
    };
  }

  private void accepted(
      DeskCommand command, TicketAction action, Entry entry, Ticket before, Ticket after) {
    Lifecycle lifecycle = fixture.lifecycle();
    if (command.versionOffset() != 0) {
      throw violation(
          Invariant.STALE_VERSION_REFUSED,
          entry.label,
          command,
          "accepted a command at version "
              + (before.version() + command.versionOffset())
              + " while the ticket was at "
              + before.version(),
          null);
    }
    if (!after.id().equals(entry.id) || after.version() != before.version() + 1) {
      throw violation(
          Invariant.VERSIONS,
          entry.label,
          command,
          "version went from "
              + before.version()
              + " to "
              + after.version()
              + " (must rise by exactly one)",
          null);
    }
    if (lifecycle.isClosing(after.status())) {
      int minimum = fixture.closedLoop().minimumRating();
      boolean latestSatisfies =
          before.latestCallback().map(cb -> cb.isSatisfactory(minimum)).orElse(false);
      if (!entry.confirmed || !latestSatisfies) {
        throw violation(
            Invariant.CLOSED_LOOP,
            entry.label,
            command,
            "entered closing status "
                + after.status()
                + " from "
                + before.status()
                + " without a satisfactory callback "
                + "(rating >= "
                + minimum
                + ") since the last work; callbacks recorded: "
                + before.callbacks().size(),
            null);
      }
    }
    Optional<TicketStatus> target = lifecycle.target(before.status(), action);
    if (target.isEmpty()) {
      throw violation(
          Invariant.LIFECYCLE,
          entry.label,
          command,
          "accepted "
              + action
              + " from "
              + before.status()
              + ", which the lifecycle does not allow (it allows "
              + lifecycle.allowedActions(before.status())
              + ")",
          null);
    }
    boolean customerReply = command.kind() == DeskCommand.Kind.CUSTOMER_REPLY;
    if (customerReply) {
      Optional<TicketStatus> resumed = resumeTarget(before, command.actor());
      TicketStatus expected = resumed.orElse(before.status());
      if (!after.status().equals(expected)) {
        throw violation(
            Invariant.CONVERSATION,
            entry.label,
            command,
            "a customer reply in "
                + before.status()
                + " led to "
                + after.status()
                + ", expected "
                + expected
                + (resumed.isPresent() ? " (the desk resumes on customer replies)" : ""),
            null);
      }
    }
    if (!action.equals(TicketAction.RECORD_CALLBACK)
        && !customerReply
        && !after.status().equals(target.get())) {
      throw violation(
          Invariant.LIFECYCLE,
          entry.label,
          command,
          action
              + " from "
              + before.status()
              + " led to "
              + after.status()
              + ", the lifecycle says "
              + target.get(),
          null);
    }
    for (Map.Entry<String, Prohibition> p : fixture.prohibitions().entrySet()) {
      if (p.getValue().forbids(before, action, command.actor())) {
        throw violation(
            Invariant.PROHIBITION,
            entry.label,
            command,
            "accepted "
                + action
                + " by "
                + who(command.actor())
                + " in "
                + before.status()
                + ", forbidden by \""
                + p.getKey()
                + "\"",
            null);
      }
    }
    entry.confirmed = stillConfirmed(command, entry, after.status());
    entry.last = after;
  }

  /**
   * Where a customer's reply must take a ticket: the lifecycle's {@code RESUME} target while it
   * waits on the customer, if the desk resumes on replies, the target is not closing and every
   * guard allows it.
   */
  private Optional<TicketStatus> resumeTarget(Ticket before, Actor actor) {
    Lifecycle lifecycle = fixture.lifecycle();
    if (!fixture.resumesOnCustomerReply()
        || !before.status().equals(TicketStatus.WAITING_ON_CUSTOMER)) {
      return Optional.empty();
    }
    Optional<TicketStatus> target = lifecycle.target(before.status(), TicketAction.RESUME);
    if (target.isEmpty() || lifecycle.isClosing(target.get())) {
      return Optional.empty();
    }
    for (Lifecycle.NamedGuard guard : lifecycle.guards()) {
      if (guard.guard().check(before, TicketAction.RESUME, target.get(), actor).isPresent()) {
        return Optional.empty();
      }
    }
    return target;
  }

  private boolean stillConfirmed(DeskCommand command, Entry entry, TicketStatus to) {
    boolean confirmed = entry.confirmed;
    return switch (command.kind()) {
      case CALLBACK -> command.callback().isSatisfactory(fixture.closedLoop().minimumRating());
      case CLOSE, ESCALATE -> confirmed;
      case REPLY_TO_CUSTOMER, CUSTOMER_REPLY, INTERNAL_NOTE -> {
        List<TicketEvent> history = desk.history(entry.id);
        yield confirmed && !history.get(history.size() - 1).change().isWork();
      }
      case CUSTOM -> confirmed && !ClosedLoopRule.voidsCallback(fixture.lifecycle(), to);
      default -> false;
    };
  }

  private void refused(
      DeskCommand command, Entry entry, Ticket before, int eventsBefore, RuntimeException e) {
    if (!(e instanceof LoopdeskException)) {
      throw violation(
          Invariant.REJECTION,
          entry.label,
          command,
          "refused with " + e.getClass().getName() + " instead of a LoopdeskException",
          e);
    }
    if (command.versionOffset() != 0 && !(e instanceof VersionConflictException)) {
      throw violation(
          Invariant.STALE_VERSION_REFUSED,
          entry.label,
          command,
          "a stale version was refused with "
              + e.getClass().getSimpleName()
              + " instead of a VersionConflictException",
          e);
    }
    if (command.versionOffset() == 0 && e instanceof VersionConflictException) {
      throw violation(
          Invariant.STALE_VERSION_REFUSED,
          entry.label,
          command,
          "a command at the current version "
              + before.version()
              + " was refused as a version conflict",
          e);
    }
    Optional<Ticket> stored = desk.find(entry.id);
    if (stored.isEmpty()
        || !stored.get().equals(before)
        || desk.history(entry.id).size() != eventsBefore) {
      throw violation(
          Invariant.REJECTION,
          entry.label,
          command,
          "the refused command ("
              + e.getClass().getSimpleName()
              + ") changed the ticket or its history",
          e);
    }
  }

  private void checkAllTickets(DeskCommand command) {
    for (Entry e : tickets) {
      checkTicket(e, command);
    }
  }

  private void checkTicket(Entry e, DeskCommand command) {
    Optional<Ticket> stored;
    List<TicketEvent> history;
    try {
      stored = desk.find(e.id);
      history = desk.history(e.id);
    } catch (RuntimeException failure) {
      throw violation(
          Invariant.REPLAY_EQUALS_STATE,
          e.label,
          command,
          "reading the ticket failed: " + describe(failure),
          failure);
    }
    if (stored.isEmpty() || !stored.get().equals(e.last)) {
      throw violation(
          Invariant.REPLAY_EQUALS_STATE,
          e.label,
          command,
          "the stored ticket "
              + stored.map(t -> "v" + t.version() + " " + t.status()).orElse("(missing)")
              + " differs from the last one the desk returned, v"
              + e.last.version()
              + " "
              + e.last.status(),
          null);
    }
    if (history.equals(e.checkedHistory)) {
      fixture.slaTracker().ifPresent(t -> checkSla(e, t, command));
      return;
    }
    for (int i = 0; i < history.size(); i++) {
      if (history.get(i).version() != i + 1) {
        throw violation(
            Invariant.VERSIONS,
            e.label,
            command,
            "the stored history has version "
                + history.get(i).version()
                + " at position "
                + (i + 1)
                + " (of "
                + history.size()
                + ")",
            null);
      }
    }
    if (history.size() != e.last.version()) {
      throw violation(
          Invariant.VERSIONS,
          e.label,
          command,
          "the stored history has "
              + history.size()
              + " events for a ticket at version "
              + e.last.version(),
          null);
    }
    int known = e.checkedHistory.size();
    if (history.size() < known || !history.subList(0, known).equals(e.checkedHistory)) {
      throw violation(
          Invariant.HISTORY_CHAIN,
          e.label,
          command,
          "stored events up to version " + known + ", checked before, have changed or disappeared",
          null);
    }
    Ticket replayed;
    try {
      replayed = TicketEvent.replay(history);
    } catch (RuntimeException failure) {
      throw violation(
          Invariant.REPLAY_EQUALS_STATE,
          e.label,
          command,
          "the stored events do not replay: " + describe(failure),
          failure);
    }
    if (!replayed.equals(e.last)) {
      throw violation(
          Invariant.REPLAY_EQUALS_STATE,
          e.label,
          command,
          "replaying the stored events gives v"
              + replayed.version()
              + " "
              + replayed.status()
              + ", the stored ticket is v"
              + e.last.version()
              + " "
              + e.last.status(),
          null);
    }
    checkChain(e, history, known, command);
    checkCustomerView(e, history, command);
    e.checkedHistory = List.copyOf(history);
    fixture.slaTracker().ifPresent(t -> checkSla(e, t, command));
  }

  private void checkChain(Entry e, List<TicketEvent> history, int known, DeskCommand command) {
    Optional<HistoryChain> chain = fixture.historyChain();
    String previous = known == 0 ? null : history.get(known - 1).chain();
    for (TicketEvent event : history.subList(known, history.size())) {
      String expected = chain.isPresent() ? chain.get().link(previous, event) : null;
      if (!java.util.Objects.equals(expected, event.chain())) {
        throw violation(
            Invariant.HISTORY_CHAIN,
            e.label,
            command,
            "event v"
                + event.version()
                + " "
                + (event.chain() == null ? "has no chain" : "does not link to the event before"),
            null);
      }
      previous = event.chain();
    }
    if (chain.isPresent() && fixture.store().isPresent()) {
      HistoryVerification verification =
          TicketHistoryVerifier.of(fixture.store().get(), chain.get()).verify(e.id);
      if (verification.verdict() != HistoryVerification.Verdict.INTACT) {
        throw violation(
            Invariant.HISTORY_CHAIN,
            e.label,
            command,
            "TicketHistoryVerifier: " + verification.detail(),
            null);
      }
    }
  }

  /** The customer's view shows every agent and customer reply and no internal note. */
  private void checkCustomerView(Entry e, List<TicketEvent> history, DeskCommand command) {
    Optional<TicketSla> sla = fixture.slaTracker().flatMap(t -> t.status(e.id, clock.instant()));
    CustomerProgress progress;
    try {
      progress = CustomerProgress.of(e.last, history, sla);
    } catch (RuntimeException failure) {
      throw violation(
          Invariant.CONVERSATION,
          e.label,
          command,
          "the customer's view failed: " + describe(failure),
          failure);
    }
    long replies =
        history.stream()
            .filter(
                event ->
                    event.change() instanceof TicketChange.AgentReplied
                        || event.change() instanceof TicketChange.CustomerReplied)
            .count();
    for (CustomerProgress.Message message : progress.messages()) {
      if (message.body().contains(INTERNAL_NOTE)) {
        throw violation(
            Invariant.CONVERSATION,
            e.label,
            command,
            "an internal note reached the customer's view",
            null);
      }
    }
    if (progress.messages().size() != replies) {
      throw violation(
          Invariant.CONVERSATION,
          e.label,
          command,
          "the customer's view shows "
              + progress.messages().size()
              + " messages of the "
              + replies
              + " agent and customer replies",
          null);
    }
  }

  private void checkSla(Entry e, SlaTracker tracker, DeskCommand command) {
    Instant now = clock.instant();
    Optional<TicketSla> sla = tracker.status(e.id, now);
    if (sla.isEmpty()) {
      return;
    }
    Map<SlaMetric, SlaStatus> clocks = new EnumMap<>(SlaMetric.class);
    clocks.putAll(sla.get().clocks());
    for (SlaStatus s : clocks.values()) {
      if (s.deadline().isPresent() && s.deadline().get().isBefore(s.startedAt())) {
        throw violation(
            Invariant.SLA_CLOCK,
            e.label,
            command,
            s.metric()
                + " deadline "
                + s.deadline().get()
                + " is before its start "
                + s.startedAt(),
            null);
      }
      if (s.elapsed().isNegative()) {
        throw violation(
            Invariant.SLA_CLOCK,
            e.label,
            command,
            s.metric() + " elapsed time is negative: " + s.elapsed(),
            null);
      }
      Duration wall =
          s.startedAt().isAfter(now) ? Duration.ZERO : Duration.between(s.startedAt(), now);
      if (s.elapsed().compareTo(wall) > 0) {
        throw violation(
            Invariant.SLA_CLOCK,
            e.label,
            command,
            s.metric() + " counted " + s.elapsed() + " in the " + wall + " since it started",
            null);
      }
      if (s.state() == SlaClockState.RUNNING && s.deadline().isEmpty()) {
        throw violation(
            Invariant.SLA_CLOCK,
            e.label,
            command,
            s.metric() + " is running without a deadline",
            null);
      }
      Optional<SlaPolicy> policy = fixture.slaPolicy();
      boolean counting = s.state() == SlaClockState.RUNNING || s.state() == SlaClockState.PAUSED;
      if (policy.isPresent() && counting) {
        boolean shouldPause = pauses(policy.get(), s.metric(), e.last.status());
        if (shouldPause != (s.state() == SlaClockState.PAUSED)) {
          throw violation(
              Invariant.SLA_CLOCK,
              e.label,
              command,
              s.metric()
                  + " clock is "
                  + s.state()
                  + " while the ticket is "
                  + e.last.status()
                  + " (it must "
                  + (shouldPause ? "pause" : "run")
                  + " there)",
              null);
        }
      }
    }
  }

  /** Whether a clock of the metric pauses in the status, as SlaTracker documents it per metric. */
  private static boolean pauses(SlaPolicy policy, SlaMetric metric, TicketStatus status) {
    boolean waitingOnCustomer = status.equals(TicketStatus.WAITING_ON_CUSTOMER);
    return switch (metric) {
      case NEXT_REPLY -> false;
      case REQUESTER_WAIT_TIME -> waitingOnCustomer;
      case AGENT_WORK_TIME ->
          waitingOnCustomer
              || status.equals(TicketStatus.WAITING_ON_THIRD_PARTY)
              || policy.pausingStatuses().contains(status);
      default -> policy.pausingStatuses().contains(status);
    };
  }

  private InvariantViolation violation(
      Invariant invariant, String label, DeskCommand command, String what, Throwable cause) {
    StringBuilder message = new StringBuilder(label).append(": ").append(what);
    if (command != null) {
      message.append("\n  command: ").append(command);
    }
    message.append("\n  steps so far:");
    for (String line : log.subList(Math.max(0, log.size() - LOG_LINES), log.size())) {
      message.append("\n    ").append(line);
    }
    return new InvariantViolation(invariant, message.toString(), cause);
  }

  private static String who(Actor actor) {
    return actor.id() + "/" + actor.role();
  }

  private static String describe(Throwable e) {
    return e.getClass().getSimpleName()
        + (e instanceof LoopdeskException ? " (" + e.getMessage() + ")" : "");
  }
}
