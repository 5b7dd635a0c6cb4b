package io.loopdesk.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loopdesk.api.ServiceDesk;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketQuery;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.api.spi.TicketStore;
import io.loopdesk.desk.Loopdesk;
import io.loopdesk.sla.TicketSla;
import io.loopdesk.spring.boot.app.CrmService;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What a CRM sees when its own writes and ticket changes share a {@code @Transactional} method:
 * both commit or both roll back. Run against H2 and PostgreSQL by the subclasses.
 */
abstract class TransactionContract {

  @Autowired CrmService crm;

  @Autowired ServiceDesk desk;

  @Autowired TicketStore store;

  @Autowired Loopdesk loopdesk;

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID();
  }

  private int ticketsOf(String customerId) {
    return desk.query(TicketQuery.builder().customerId(customerId).build()).items().size();
  }

  @Test
  void theStoreIsTheJdbcStoreJoiningSpringTransactions() {
    assertThat(store).isInstanceOf(SpringTransactionTicketStore.class);
  }

  @Test
  void crmWriteAndNewTicketRollBackTogether() {
    String order = unique("order");
    String customer = unique("C");
    int tracked = loopdesk.sla().trackedTickets();

    assertThatThrownBy(() -> crm.orderWithTicket(order, customer, true))
        .hasMessage("payment declined");

    assertThat(crm.note(order)).isNull();
    assertThat(ticketsOf(customer)).isZero();
    assertThat(loopdesk.sla().trackedTickets())
        .as("the SLA tracker forgot the rolled-back ticket")
        .isEqualTo(tracked);
  }

  @Test
  void aRolledBackChangeLeavesTheSlaClocksAsTheyWere() {
    String order = unique("order");
    Ticket opened = crm.orderWithTicket(order, unique("C"), false);
    Instant now = loopdesk.clock().instant();
    Optional<TicketSla> before = loopdesk.sla().status(opened.id(), now);
    assertThat(before).as("the committed ticket is tracked").isPresent();

    assertThatThrownBy(() -> crm.faultAndClassify(order, opened.id(), opened.version(), true))
        .hasMessage("the fault report was rejected");

    assertThat(loopdesk.sla().status(opened.id(), now))
        .as("the tracker saw no rolled-back event")
        .isEqualTo(before);
    Ticket classified = crm.faultAndClassify(order, opened.id(), opened.version(), false);
    assertThat(loopdesk.sla().status(opened.id(), now))
        .as("the committed classification reached the tracker")
        .isNotEqualTo(before);
    assertThat(classified.version()).isEqualTo(opened.version() + 1);
  }

  @Test
  void theRolledBackCreationCallbackLearnsTheIdsOfTicketsWhoseCreationRolledBack() {
    SpringTransactionTicketStore transactional = (SpringTransactionTicketStore) store;
    List<TicketId> rolledBack = new CopyOnWriteArrayList<>();
    transactional.onRolledBackCreation(rolledBack::add);
    try {
      String customer = unique("C");
      crm.orderWithTicket(unique("order"), unique("C"), false);
      assertThat(rolledBack).as("a committed creation is not reported").isEmpty();

      assertThatThrownBy(() -> crm.orderWithTicket(unique("order"), customer, true))
          .hasMessage("payment declined");

      assertThat(rolledBack).hasSize(1);
      assertThat(desk.find(rolledBack.get(0))).as("the reported ticket does not exist").isEmpty();
    } finally {
      transactional.onRolledBackCreation(id -> {});
    }
  }

  @Test
  void crmWriteAndNewTicketCommitTogether() {
    String order = unique("order");
    String customer = unique("C");

    Ticket ticket = crm.orderWithTicket(order, customer, false);

    assertThat(crm.note(order)).isEqualTo("ordered");
    assertThat(desk.get(ticket.id()).version()).isEqualTo(1);
    assertThat(desk.history(ticket.id())).hasSize(1);
    assertThat(ticketsOf(customer)).isOne();
  }

  @Test
  void aRolledBackChangeLeavesTheTicketAsItWas() {
    String order = unique("order");
    Ticket opened = crm.orderWithTicket(order, unique("C"), false);

    assertThatThrownBy(() -> crm.faultAndClassify(order, opened.id(), opened.version(), true))
        .hasMessage("the fault report was rejected");

    assertThat(crm.note(order)).isEqualTo("ordered");
    Ticket after = desk.get(opened.id());
    assertThat(after.version()).isEqualTo(opened.version());
    assertThat(after.status()).isEqualTo(TicketStatus.RECEIVED);
    assertThat(desk.history(opened.id())).hasSize(1);

    Ticket classified = crm.faultAndClassify(order, opened.id(), opened.version(), false);
    assertThat(crm.note(order)).isEqualTo("fault");
    assertThat(desk.get(opened.id())).isEqualTo(classified);
    assertThat(classified.status()).isEqualTo(TicketStatus.CLASSIFIED);
  }

  @Test
  void aChangeOutsideATransactionCommitsOnItsOwn() {
    String customer = unique("C");

    Ticket ticket = desk.open(CrmService.newTicket(customer), CrmService.AGENT);

    assertThat(desk.get(ticket.id())).isEqualTo(ticket);
    assertThat(ticketsOf(customer)).isOne();
  }
}
