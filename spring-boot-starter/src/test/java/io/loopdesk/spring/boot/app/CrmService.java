package io.loopdesk.spring.boot.app;

import io.loopdesk.api.Actor;
import io.loopdesk.api.Category;
import io.loopdesk.api.Channel;
import io.loopdesk.api.Classification;
import io.loopdesk.api.Customer;
import io.loopdesk.api.Level;
import io.loopdesk.api.NewTicket;
import io.loopdesk.api.Role;
import io.loopdesk.api.ServiceDesk;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A CRM's service that writes its own row and changes a ticket in one Spring-managed transaction.
 */
@Service
public class CrmService {

  /** Who acts in the tests. */
  public static final Actor AGENT = Actor.of("agent-1", Role.AGENT);

  private final JdbcTemplate jdbc;
  private final ServiceDesk desk;

  /** Creates the service and its table. */
  public CrmService(JdbcTemplate jdbc, ServiceDesk desk) {
    this.jdbc = jdbc;
    this.desk = desk;
    jdbc.execute(
        "CREATE TABLE IF NOT EXISTS starter_crm_order (id VARCHAR(64) PRIMARY KEY, note VARCHAR(200))");
  }

  /** Records an order and opens a ticket for its customer; throws afterwards when {@code fail}. */
  @Transactional
  public Ticket orderWithTicket(String orderId, String customerId, boolean fail) {
    jdbc.update("INSERT INTO starter_crm_order (id, note) VALUES (?, ?)", orderId, "ordered");
    Ticket ticket = desk.open(newTicket(customerId), AGENT);
    if (fail) {
      throw new IllegalStateException("payment declined");
    }
    return ticket;
  }

  /** Marks an order as a fault and classifies its ticket; throws afterwards when {@code fail}. */
  @Transactional
  public Ticket faultAndClassify(String orderId, TicketId ticket, long version, boolean fail) {
    jdbc.update("UPDATE starter_crm_order SET note = ? WHERE id = ?", "fault", orderId);
    Ticket classified =
        desk.classify(
            ticket,
            version,
            Classification.of(Category.PRODUCT_FAULT, Level.LOW, Level.LOW, Level.HIGH),
            AGENT);
    if (fail) {
      throw new IllegalStateException("the fault report was rejected");
    }
    return classified;
  }

  /** Returns the order's note, or null when the order does not exist. */
  public String note(String orderId) {
    return jdbc.query(
        "SELECT note FROM starter_crm_order WHERE id = ?",
        rs -> rs.next() ? rs.getString(1) : null,
        orderId);
  }

  /** A new ticket for a customer. */
  public static NewTicket newTicket(String customerId) {
    return NewTicket.builder()
        .channel(Channel.PHONE)
        .customer(Customer.of(customerId, "张三", "13812345678", null))
        .product("X9 phone")
        .problem("battery does not charge")
        .build();
  }
}
