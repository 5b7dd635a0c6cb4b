package io.loopdesk.spring.boot.readme;

import io.loopdesk.api.Actor;
import io.loopdesk.api.NewTicket;
import io.loopdesk.api.ServiceDesk;
import io.loopdesk.api.Ticket;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

// tag::complaints[]
@Service
class Complaints {
  private final JdbcTemplate orders;
  private final ServiceDesk desk;

  Complaints(JdbcTemplate orders, ServiceDesk desk) {
    this.orders = orders;
    this.desk = desk;
  }

  @Transactional // the CRM's row and the ticket commit or roll back together
  Ticket complain(String orderId, NewTicket ticket, Actor agent) {
    orders.update("UPDATE orders SET disputed = TRUE WHERE id = ?", orderId);
    return desk.open(ticket, agent);
  }
}
// end::complaints[]
