package io.loopdesk.access;

import io.loopdesk.api.Actor;
import io.loopdesk.api.Assignment;
import io.loopdesk.api.Category;
import io.loopdesk.api.Channel;
import io.loopdesk.api.Classification;
import io.loopdesk.api.Customer;
import io.loopdesk.api.IdDocumentType;
import io.loopdesk.api.Level;
import io.loopdesk.api.NewTicket;
import io.loopdesk.api.Role;
import io.loopdesk.api.ServiceDesk;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.spi.TicketStore;
import io.loopdesk.core.InMemoryTicketStore;
import io.loopdesk.core.ServiceDesks;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/**
 * A secured desk with an organisation: agents a1 (queue repair) and a2 (queue billing), team lead
 * lead1 leading a1, QA specialist qa1, trainer tr1, supervisor sup1, administrator admin1.
 */
final class Desk {
  static final Actor A1 = Actor.of("a1", Role.AGENT);
  static final Actor A2 = Actor.of("a2", Role.AGENT);
  static final Actor LEAD = Actor.of("lead1", Role.TEAM_LEAD);
  static final Actor QA = Actor.of("qa1", Role.QA_SPECIALIST);
  static final Actor TRAINER = Actor.of("tr1", Role.TRAINER);
  static final Actor SUP = Actor.of("sup1", Role.SUPERVISOR);
  static final Actor ADMIN = Actor.of("admin1", Role.ADMINISTRATOR);
  static final Actor CUSTOMER = Actor.of("C-7", Role.CUSTOMER);
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T02:00:00Z"), ZoneOffset.UTC);

  final TicketStore store;
  final ServiceDesk raw;
  final InMemoryAuditLog audit = new InMemoryAuditLog();
  final AccessDirectory directory;
  final AccessControl access;

  Desk() {
    this(new InMemoryTicketStore(), AccessPolicy.standard());
  }

  Desk(TicketStore store, AccessPolicy policy) {
    this.store = store;
    this.raw = ServiceDesks.builder().clock(CLOCK).store(store).build();
    this.directory = new AccessDirectory(policy, audit, CLOCK);
    directory.bootstrapAdministrator("admin1");
    for (Actor a : new Actor[] {A1, A2, LEAD, QA, TRAINER, SUP, CUSTOMER}) {
      directory.grantRole(a.id(), a.role(), ADMIN);
    }
    directory.queues("a1", Set.of("repair"), ADMIN);
    directory.queues("a2", Set.of("billing"), ADMIN);
    directory.team("lead1", Set.of("a1"), ADMIN);
    this.access =
        AccessControl.builder(raw, directory).policy(policy).audit(audit).clock(CLOCK).build();
  }

  SecuredServiceDesk as(Actor actor) {
    return access.as(actor);
  }

  static final String NAME = "欧阳娜娜";
  static final String PHONE = "13987654321";
  static final String EMAIL = "nana@example.com";
  static final String ADDRESS = "上海市静安区南京西路1266号恒隆广场 2 座 3808 室";
  static final String ID_NUMBER = "310106199003075161";
  static final String PASSPORT = "E98765432";

  /** Every piece of the customer's personal data, and fragments of it, that must never leak. */
  static final List<String> PERSONAL_DATA =
      List.of(
          NAME,
          PHONE,
          EMAIL,
          "nana",
          "3987654321",
          ADDRESS,
          "静安区",
          "南京西路",
          "恒隆广场",
          ID_NUMBER,
          "0106199003",
          PASSPORT);

  static Customer customer(String id) {
    return Customer.builder(id)
        .name(NAME)
        .phone(PHONE)
        .email(EMAIL)
        .address(ADDRESS)
        .idDocument(IdDocumentType.CN_RESIDENT_ID, ID_NUMBER)
        .idDocument(IdDocumentType.PASSPORT, PASSPORT)
        .build();
  }

  /** Opens, classifies and assigns a ticket as the supervisor. */
  Ticket assigned(String customerId, String agent, String department) {
    ServiceDesk sup = as(SUP);
    Ticket t =
        sup.open(
            NewTicket.builder()
                .channel(Channel.PHONE)
                .customer(customer(customerId))
                .product("X9")
                .problem("屏幕碎了")
                .build(),
            SUP);
    t =
        sup.classify(
            t.id(),
            t.version(),
            Classification.of(Category.PRODUCT_FAULT, Level.LOW, Level.HIGH, Level.LOW),
            SUP);
    return sup.assign(t.id(), t.version(), Assignment.of(agent, department), SUP);
  }
}
