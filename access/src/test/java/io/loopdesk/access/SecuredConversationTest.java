package io.loopdesk.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loopdesk.api.Channel;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.api.event.TicketChange;
import io.loopdesk.api.event.TicketEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who may write which communication, who sees internal notes, and masking of message bodies. */
class SecuredConversationTest {
  private final Desk desk = new Desk();

  private Ticket conversation() {
    Ticket t = desk.assigned("C-7", "a1", "repair");
    t = desk.as(Desk.A1).start(t.id(), t.version(), Desk.A1);
    t =
        desk.as(Desk.A1)
            .replyToCustomer(
                t.id(), t.version(), Channel.EMAIL, "您好 " + Desk.NAME + "，请提供发票", Desk.A1);
    t = desk.as(Desk.A1).waitOnCustomer(t.id(), t.version(), "invoice", Desk.A1);
    t =
        desk.as(Desk.CUSTOMER)
            .recordCustomerReply(
                t.id(),
                t.version(),
                Channel.APP,
                "发票已上传，电话 "
                    + Desk.PHONE
                    + "，邮箱 "
                    + Desk.EMAIL
                    + "，身份证 "
                    + Desk.ID_NUMBER
                    + "，邻居电话 13512345678",
                Desk.CUSTOMER);
    assertThat(t.status())
        .as("the customer's reply resumed the ticket")
        .isEqualTo(TicketStatus.IN_PROGRESS);
    return desk.as(Desk.A1)
        .addInternalNote(
            t.id(), t.version(), "SECRET-NOTE: customer threatened to call the press", Desk.A1);
  }

  @Test
  void aCustomerNeverSeesInternalNotesInTheirHistory() {
    Ticket t = conversation();
    List<TicketEvent> mine = desk.as(Desk.CUSTOMER).history(t.id());
    assertThat(mine).noneMatch(e -> e.change() instanceof TicketChange.InternalNoteAdded);
    assertThat(mine.toString()).doesNotContain("SECRET-NOTE");
    assertThat(mine).anyMatch(e -> e.change() instanceof TicketChange.CustomerReplied);
    assertThat(desk.as(Desk.A1).history(t.id()))
        .anyMatch(e -> e.change() instanceof TicketChange.InternalNoteAdded);
  }

  @Test
  void aCustomerMayReplyButNotWriteAsTheAgentNorAddNotes() {
    Ticket t = conversation();
    assertThatThrownBy(
            () ->
                desk.as(Desk.CUSTOMER)
                    .addInternalNote(t.id(), t.version(), "let me in", Desk.CUSTOMER))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(
            () ->
                desk.as(Desk.CUSTOMER)
                    .replyToCustomer(
                        t.id(), t.version(), Channel.EMAIL, "fake agent", Desk.CUSTOMER))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(desk.raw.get(t.id())).isEqualTo(t);
    assertThatThrownBy(
            () -> desk.as(Desk.QA).addInternalNote(t.id(), t.version(), "qa note", Desk.QA))
        .as("QA reads but does not write")
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void maskedRolesAndExportsSeeMessageBodiesWithPersonalDataMasked() {
    Ticket t = conversation();
    for (List<TicketEvent> events :
        List.of(desk.as(Desk.QA).history(t.id()), desk.as(Desk.SUP).exportHistory(t.id()))) {
      String bodies =
          events.stream()
              .map(TicketEvent::change)
              .filter(TicketChange.Communication.class::isInstance)
              .map(c -> ((TicketChange.Communication) c).body())
              .reduce("", String::concat);
      assertThat(bodies).contains("发票已上传").contains("SECRET-NOTE");
      for (String personal :
          List.of(Desk.NAME, Desk.PHONE, Desk.EMAIL, Desk.ID_NUMBER, "13512345678")) {
        assertThat(bodies).as("masked bodies").doesNotContain(personal);
      }
    }
    String full = desk.as(Desk.A1).history(t.id()).toString();
    assertThat(full)
        .as("toString of events never shows bodies")
        .doesNotContain(Desk.PHONE)
        .doesNotContain("SECRET-NOTE");
  }
}
