package io.loopdesk.examples.spring;

import io.loopdesk.api.Actor;
import io.loopdesk.api.Assignment;
import io.loopdesk.api.CallbackResult;
import io.loopdesk.api.Category;
import io.loopdesk.api.Channel;
import io.loopdesk.api.Classification;
import io.loopdesk.api.Customer;
import io.loopdesk.api.Level;
import io.loopdesk.api.NewTicket;
import io.loopdesk.api.Role;
import io.loopdesk.api.ServiceDesk;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketQuery;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.api.VersionConflictException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Plays the help desk's staff: every {@code helpdesk.work-every} it opens one ticket and moves
 * every open ticket one step through the standard lifecycle (classify, assign, start, resolve, call
 * the customer back, close), as the agent, team lead and callback desk of {@code application.yml}
 * would. Off with {@code helpdesk.work-enabled=false}.
 */
@Component
@ConditionalOnProperty(name = "helpdesk.work-enabled", havingValue = "true", matchIfMissing = true)
public class TicketWorker {

  private static final Logger LOG = LoggerFactory.getLogger(TicketWorker.class);
  private static final Actor HOTLINE = Actor.of("agent-1", Role.AGENT);
  private static final Actor LEAD = Actor.of("lead-1", Role.TEAM_LEAD);
  private static final List<String> PROBLEMS =
      List.of(
          "battery does not charge",
          "screen flickers",
          "invoice shows the wrong amount",
          "delivery is late");
  private static final TicketQuery OPEN =
      TicketQuery.builder()
          .status(
              TicketStatus.RECEIVED,
              TicketStatus.CLASSIFIED,
              TicketStatus.ASSIGNED,
              TicketStatus.IN_PROGRESS,
              TicketStatus.RESOLVED,
              TicketStatus.CALLBACK)
          .limit(200)
          .build();

  private final ServiceDesk desk;
  private final AtomicInteger opened = new AtomicInteger();
  private final AtomicInteger closed = new AtomicInteger();

  /**
   * Creates the worker on the starter's service desk.
   *
   * @param desk the service desk bean
   */
  public TicketWorker(ServiceDesk desk) {
    this.desk = desk;
  }

  /** Opens one ticket and moves every open ticket one step. */
  @Scheduled(fixedDelayString = "${helpdesk.work-every:PT2S}")
  public void work() {
    for (Ticket ticket : desk.query(OPEN).items()) {
      try {
        step(ticket);
      } catch (VersionConflictException e) {
        LOG.debug("ticket {} changed meanwhile; next round", ticket.id());
      }
    }
    int n = opened.incrementAndGet();
    Ticket ticket =
        desk.open(
            NewTicket.builder()
                .channel(n % 2 == 0 ? Channel.PHONE : Channel.ONLINE_CHAT)
                .customer(Customer.of("C-" + n, "张三", "13812345678", null))
                .product("X9 phone")
                .problem(PROBLEMS.get(n % PROBLEMS.size()))
                .build(),
            HOTLINE);
    LOG.info("opened {}", ticket.id());
  }

  private void step(Ticket t) {
    TicketStatus status = t.status();
    if (status.equals(TicketStatus.RECEIVED)) {
      Level severity = t.problem().contains("battery") ? Level.HIGH : Level.MEDIUM;
      Ticket classified =
          desk.classify(
              t.id(),
              t.version(),
              Classification.of(Category.PRODUCT_FAULT, Level.LOW, Level.MEDIUM, severity),
              HOTLINE);
      LOG.info(
          "classified {}, due {}", t.id(), classified.dueAt().map(Object::toString).orElse("-"));
    } else if (status.equals(TicketStatus.CLASSIFIED)) {
      desk.assign(
          t.id(), t.version(), Assignment.of("agent-1", "customer-service", "on shift"), LEAD);
    } else if (status.equals(TicketStatus.ASSIGNED)) {
      desk.start(t.id(), t.version(), HOTLINE);
    } else if (status.equals(TicketStatus.IN_PROGRESS)) {
      desk.resolve(t.id(), t.version(), "replaced under warranty", HOTLINE);
    } else if (status.equals(TicketStatus.RESOLVED)
        || (status.equals(TicketStatus.CALLBACK) && !t.isCallbackConfirmed())) {
      desk.recordCallback(t.id(), t.version(), CallbackResult.reached(true, 5, "thanks"), HOTLINE);
    } else if (status.equals(TicketStatus.CALLBACK)) {
      desk.close(t.id(), t.version(), HOTLINE);
      LOG.info("closed {} ({} closed so far)", t.id(), closed.incrementAndGet());
    }
  }

  /** Returns how many tickets this worker opened. */
  public int opened() {
    return opened.get();
  }

  /** Returns how many tickets this worker closed. */
  public int closed() {
    return closed.get();
  }
}
