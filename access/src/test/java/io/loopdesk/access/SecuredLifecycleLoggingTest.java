package io.loopdesk.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loopdesk.api.Assignment;
import io.loopdesk.api.CallbackResult;
import io.loopdesk.api.Category;
import io.loopdesk.api.Channel;
import io.loopdesk.api.Classification;
import io.loopdesk.api.Level;
import io.loopdesk.api.NewTicket;
import io.loopdesk.api.Ticket;
import io.loopdesk.core.InMemoryTicketStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A full lifecycle through the secured, encrypting desk, with denied attempts, logs no personal
 * data: neither name, phone, e-mail, address nor ID numbers.
 */
class SecuredLifecycleLoggingTest {

  @Test
  void aFullSecuredLifecycleLogsNoPersonalData() throws Exception {
    Path logFile = Path.of("target/test.log");
    LoggerFactory.getLogger(SecuredLifecycleLoggingTest.class).info("secured lifecycle starts");
    long start = Files.size(logFile);
    EncryptingTicketStore store =
        new EncryptingTicketStore(
            new InMemoryTicketStore(),
            StaticKeyProvider.of("k1", Map.of("k1", EncryptingTicketStoreTest.key(1))));
    Desk desk = new Desk(store, AccessPolicy.standard());
    SecuredServiceDesk agent = desk.as(Desk.A1);
    SecuredServiceDesk lead = desk.as(Desk.LEAD);
    Ticket t =
        agent.open(
            NewTicket.builder()
                .channel(Channel.APP)
                .customer(Desk.customer("C-7"))
                .product("X9")
                .problem("屏幕碎了")
                .build(),
            Desk.A1);
    t =
        agent.classify(
            t.id(),
            t.version(),
            Classification.of(Category.PRODUCT_FAULT, Level.LOW, Level.HIGH, Level.LOW),
            Desk.A1);
    Ticket unassigned = t;
    assertThatThrownBy(() -> desk.as(Desk.A2).get(unassigned.id()))
        .isInstanceOf(AccessDeniedException.class);
    t = desk.as(Desk.SUP).assign(t.id(), t.version(), Assignment.of("a1", "repair"), Desk.SUP);
    Ticket assigned = t;
    assertThatThrownBy(
            () -> desk.as(Desk.A2).resolve(assigned.id(), assigned.version(), "nope", Desk.A2))
        .isInstanceOf(AccessDeniedException.class);
    t = agent.start(t.id(), t.version(), Desk.A1);
    t = agent.resolve(t.id(), t.version(), "screen replaced", Desk.A1);
    t = agent.recordCallback(t.id(), t.version(), CallbackResult.reached(true, 5, ""), Desk.A1);
    t = lead.close(t.id(), t.version(), Desk.LEAD);
    desk.as(Desk.QA).export(io.loopdesk.api.TicketQuery.builder().build());
    desk.directory.grantRole("a2", io.loopdesk.api.Role.TEAM_LEAD, Desk.ADMIN);

    byte[] all = Files.readAllBytes(logFile);
    String log = new String(all, (int) start, all.length - (int) start, StandardCharsets.UTF_8);
    assertThat(log)
        .contains("ticket " + t.id() + " v7 CALLBACK -> CLOSED")
        .contains("denied find (READ) on ticket " + t.id() + " to a2")
        .contains("role of a2 set to TEAM_LEAD by admin1")
        .doesNotContain(Desk.PERSONAL_DATA.toArray(String[]::new));
    assertThat(desk.audit.entries().toString())
        .doesNotContain(Desk.PERSONAL_DATA.toArray(String[]::new));
    assertThat(t.customer().address()).isEqualTo(Desk.ADDRESS);
    assertThat(t.customer().idDocuments())
        .extracting(io.loopdesk.api.IdDocument::number)
        .contains(Desk.ID_NUMBER);
  }
}
