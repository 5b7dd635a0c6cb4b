package io.loopdesk.core;

import io.loopdesk.api.Channel;
import io.loopdesk.api.Customer;
import io.loopdesk.api.CustomerTier;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketStatus;
import java.time.Instant;

/** Ticket snapshots for assessing priority directly, without a service desk. */
final class PriorityTickets {
  private static final Instant AT = Instant.parse("2026-04-01T08:00:00Z");

  private PriorityTickets() {}

  /** A ticket of a standard customer, reopened {@code reopenCount} times. */
  static Ticket standardCustomer(int reopenCount) {
    return ticket(CustomerTier.STANDARD, reopenCount);
  }

  /** A ticket of a customer of the given tier, reopened {@code reopenCount} times. */
  static Ticket ticket(CustomerTier tier, int reopenCount) {
    return Ticket.builder()
        .id(TicketId.of("T-PRIORITY"))
        .version(1)
        .status(TicketStatus.RECEIVED)
        .channel(Channel.PHONE)
        .customer(Customer.builder("C-42").name("Alice").phone("13800001111").tier(tier).build())
        .product("Router R2")
        .problem("no connection")
        .reopenCount(reopenCount)
        .createdAt(AT)
        .updatedAt(AT)
        .build();
  }
}
