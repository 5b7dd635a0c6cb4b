package io.loopdesk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loopdesk.api.Assignment;
import io.loopdesk.api.Category;
import io.loopdesk.api.Channel;
import io.loopdesk.api.Classification;
import io.loopdesk.api.Customer;
import io.loopdesk.api.CustomerTier;
import io.loopdesk.api.Level;
import io.loopdesk.api.NewTicket;
import io.loopdesk.api.Priority;
import io.loopdesk.api.PriorityDecision;
import io.loopdesk.api.PriorityFactors;
import io.loopdesk.api.ServiceDesk;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The standard overrides (VIP customer, repeated complaint within the look-back window, reopened
 * ticket), each raising one level with a reason and never above P0, and the builder's
 * configuration: cells, overrides and the look-back window.
 */
class PriorityOverridesTest {
  private static final String VIP = "vip: VIP customer";
  private static final String REPEATED =
      "repeated-complaint: repeated complaint (1 earlier in the look-back window)";
  private static final String REOPENED =
      "reopened: reopened 1 time(s) after an unsatisfied callback or reopen";

  @Test
  void everyCombinationOfOverridesRaisesEveryCellOneLevelPerOverrideCappedAtP0() {
    MatrixPriorityModel model = MatrixPriorityModel.builder().build();
    for (StandardPriorityMatrixTest.Cell cell : StandardPriorityMatrixTest.cells()) {
      for (boolean vip : new boolean[] {false, true}) {
        for (boolean repeated : new boolean[] {false, true}) {
          for (boolean reopened : new boolean[] {false, true}) {
            Ticket ticket =
                PriorityTickets.ticket(
                    vip ? CustomerTier.VIP : CustomerTier.STANDARD, reopened ? 1 : 0);
            Classification complaint =
                Classification.of(
                    Category.COMPLAINT, cell.impact(), cell.urgency(), cell.severity());
            PriorityDecision d = model.assess(ticket, complaint, repeated ? 1 : 0);

            List<String> expectedReasons = new ArrayList<>();
            expectedReasons.add(
                "matrix: impact "
                    + cell.impact()
                    + ", urgency "
                    + cell.urgency()
                    + ", severity "
                    + cell.severity()
                    + " -> "
                    + cell.priority());
            Priority expected = cell.priority();
            for (String applied : applied(vip, repeated, reopened)) {
              Priority raised = expected.raised();
              expectedReasons.add(
                  applied
                      + (raised == expected
                          ? ", already P0"
                          : ", raised " + expected + " -> " + raised));
              expected = raised;
            }
            String situation =
                cell + " vip=" + vip + " repeated=" + repeated + " reopened=" + reopened;
            assertThat(d.priority()).as(situation).isEqualTo(expected);
            assertThat(d.priority().ordinal())
                .as(situation)
                .isEqualTo(
                    Math.max(
                        0, cell.priority().ordinal() - applied(vip, repeated, reopened).size()));
            assertThat(d.reasons()).as(situation).containsExactlyElementsOf(expectedReasons);
            assertThat(d.factors()).isEqualTo(cell.factors());
          }
        }
      }
    }
  }

  private static List<String> applied(boolean vip, boolean repeated, boolean reopened) {
    List<String> reasons = new ArrayList<>();
    if (vip) {
      reasons.add(VIP);
    }
    if (repeated) {
      reasons.add(REPEATED);
    }
    if (reopened) {
      reasons.add(REOPENED);
    }
    return reasons;
  }

  @Test
  void earlierComplaintsRaiseOnlyComplaints() {
    MatrixPriorityModel model = MatrixPriorityModel.builder().build();
    for (Category category :
        List.of(
            Category.PRODUCT_FAULT,
            Category.SERVICE_EXPERIENCE,
            Category.SUGGESTION,
            Category.CONSULTATION,
            Category.of("BILLING"))) {
      PriorityDecision d =
          model.assess(
              PriorityTickets.standardCustomer(0),
              Classification.of(category, Level.LOW, Level.LOW, Level.LOW),
              5);
      assertThat(d.priority()).as(category.toString()).isEqualTo(Priority.P3);
      assertThat(d.reasons()).hasSize(1);
    }
    PriorityDecision complaint =
        model.assess(
            PriorityTickets.standardCustomer(0),
            Classification.of(Category.COMPLAINT, Level.LOW, Level.LOW, Level.LOW),
            5);
    assertThat(complaint.priority()).isEqualTo(Priority.P2);
    assertThat(complaint.reasons().get(1))
        .isEqualTo(
            "repeated-complaint: repeated complaint (5 earlier in the look-back window), raised P3 -> P2");
  }

  @Test
  void reopenedReasonCountsTheReopens() {
    PriorityDecision d =
        MatrixPriorityModel.builder()
            .build()
            .assess(
                PriorityTickets.standardCustomer(3),
                Classification.of(Category.PRODUCT_FAULT, Level.LOW, Level.LOW, Level.LOW),
                0);
    assertThat(d.priority()).isEqualTo(Priority.P2);
    assertThat(d.reasons().get(1))
        .isEqualTo(
            "reopened: reopened 3 time(s) after an unsatisfied callback or reopen, raised P3 -> P2");
  }

  @Test
  void standardOverridesCanBeUsedOneByOne() {
    Ticket vipReopened = PriorityTickets.ticket(CustomerTier.VIP, 2);
    Classification complaint =
        Classification.of(Category.COMPLAINT, Level.LOW, Level.LOW, Level.LOW);
    assertThat(PriorityOverride.vipCustomer().raiseBecause(vipReopened, complaint, 0))
        .contains("VIP customer");
    assertThat(
            PriorityOverride.vipCustomer()
                .raiseBecause(PriorityTickets.standardCustomer(0), complaint, 9))
        .isEmpty();
    assertThat(PriorityOverride.reopened().raiseBecause(vipReopened, complaint, 0))
        .contains("reopened 2 time(s) after an unsatisfied callback or reopen");
    assertThat(
            PriorityOverride.reopened()
                .raiseBecause(PriorityTickets.ticket(CustomerTier.VIP, 0), complaint, 9))
        .isEmpty();

    PriorityOverride twice = PriorityOverride.repeatedComplaint(2);
    assertThat(twice.raiseBecause(vipReopened, complaint, 1)).isEmpty();
    assertThat(twice.raiseBecause(vipReopened, complaint, 2))
        .contains("repeated complaint (2 earlier in the look-back window)");
    assertThat(twice.raiseBecause(vipReopened, complaint, 3)).isPresent();
    assertThat(PriorityOverride.repeatedComplaint(1).raiseBecause(vipReopened, complaint, 0))
        .isEmpty();
    assertThatThrownBy(() -> PriorityOverride.repeatedComplaint(0))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.field()).isEqualTo("minimumPriorComplaints"));
  }

  @Test
  void aConfiguredCellChangesThatCellOnly() {
    MatrixPriorityModel model =
        MatrixPriorityModel.builder().cell(Level.MEDIUM, Level.LOW, Level.LOW, Priority.P1).build();
    for (StandardPriorityMatrixTest.Cell cell : StandardPriorityMatrixTest.cells()) {
      Priority expected =
          cell.factors().equals(PriorityFactors.of(Level.MEDIUM, Level.LOW, Level.LOW))
              ? Priority.P1
              : cell.priority();
      assertThat(model.cell(cell.factors())).as(cell.toString()).isEqualTo(expected);
    }
    assertThat(
            MatrixPriorityModel.standard()
                .cell(PriorityFactors.of(Level.MEDIUM, Level.LOW, Level.LOW)))
        .as("the standard model is not changed by a builder")
        .isEqualTo(Priority.P2);
    PriorityDecision d =
        model.assess(
            PriorityTickets.standardCustomer(0),
            Classification.of(Category.SUGGESTION, Level.MEDIUM, Level.LOW, Level.LOW),
            0);
    assertThat(d.priority()).isEqualTo(Priority.P1);
    assertThat(d.reasons())
        .containsExactly("matrix: impact MEDIUM, urgency LOW, severity LOW -> P1");
  }

  @Test
  void clearedOverridesRaiseNothingAndAddedOnesRunInOrder() {
    Ticket vipReopened = PriorityTickets.ticket(CustomerTier.VIP, 1);
    Classification complaint =
        Classification.of(Category.COMPLAINT, Level.LOW, Level.LOW, Level.LOW);
    MatrixPriorityModel none = MatrixPriorityModel.builder().clearOverrides().build();
    assertThat(none.assess(vipReopened, complaint, 4).priority()).isEqualTo(Priority.P3);
    assertThat(none.assess(vipReopened, complaint, 4).reasons()).hasSize(1);

    MatrixPriorityModel extra =
        MatrixPriorityModel.builder()
            .override(
                "social-media",
                (t, c, prior) ->
                    t.channel().equals(Channel.SOCIAL_MEDIA)
                        ? Optional.of("public post")
                        : Optional.empty())
            .override("always", (t, c, prior) -> Optional.of("test rule"))
            .build();
    PriorityDecision d = extra.assess(vipReopened, complaint, 1);
    assertThat(d.priority()).isEqualTo(Priority.P0);
    assertThat(d.reasons())
        .containsExactly(
            "matrix: impact LOW, urgency LOW, severity LOW -> P3",
            VIP + ", raised P3 -> P2",
            REPEATED + ", raised P2 -> P1",
            REOPENED + ", raised P1 -> P0",
            "always: test rule, already P0");
  }

  @Test
  void builderRejectsMissingOrBlankConfiguration() {
    assertField(
        () -> MatrixPriorityModel.builder().cell(Level.LOW, Level.LOW, Level.LOW, null),
        "priority");
    assertField(
        () -> MatrixPriorityModel.builder().cell(null, Level.LOW, Level.LOW, Priority.P1),
        "impact");
    assertField(
        () -> MatrixPriorityModel.builder().override(null, (t, c, p) -> Optional.empty()),
        "override.name");
    assertField(
        () -> MatrixPriorityModel.builder().override("  ", (t, c, p) -> Optional.empty()),
        "override.name");
    assertField(() -> MatrixPriorityModel.builder().override("named", null), "override");
    assertField(() -> MatrixPriorityModel.builder().complaintLookBack(null), "complaintLookBack");
    assertField(
        () -> MatrixPriorityModel.builder().complaintLookBack(Duration.ZERO), "complaintLookBack");
    assertField(
        () -> MatrixPriorityModel.builder().complaintLookBack(Duration.ofDays(-1)),
        "complaintLookBack");
  }

  private static void assertField(Runnable call, String field) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo(field));
  }

  @Test
  void lookBackIsThirtyDaysByDefaultAndConfigurable() {
    assertThat(MatrixPriorityModel.standard().complaintLookBack()).isEqualTo(Duration.ofDays(30));
    assertThat(MatrixPriorityModel.builder().build().complaintLookBack())
        .isEqualTo(Duration.ofDays(30));
    assertThat(
            MatrixPriorityModel.builder()
                .complaintLookBack(Duration.ofMillis(1))
                .build()
                .complaintLookBack())
        .isEqualTo(Duration.ofMillis(1));
    assertThat(
            MatrixPriorityModel.builder()
                .complaintLookBack(Duration.ofDays(7))
                .build()
                .complaintLookBack())
        .isEqualTo(Duration.ofDays(7));
  }

  @Test
  void theDeskCountsOnlyTheCustomersOtherComplaintsInsideTheConfiguredWindow() {
    ManualClock clock = ManualClock.at(Instant.parse("2026-04-01T00:00:00Z"));
    ServiceDesk desk =
        ServiceDesks.builder()
            .clock(clock)
            .priorityModel(
                MatrixPriorityModel.builder().complaintLookBack(Duration.ofDays(7)).build())
            .build();
    Classification complaint =
        Classification.of(Category.COMPLAINT, Level.LOW, Level.LOW, Level.LOW);
    Classification fault =
        Classification.of(Category.PRODUCT_FAULT, Level.LOW, Level.LOW, Level.LOW);

    classify(desk, "C-1", fault);
    assertThat(classify(desk, "C-1", complaint).priority())
        .as("a fault is not an earlier complaint")
        .isEqualTo(Priority.P3);
    clock.advance(Duration.ofDays(6));
    classify(desk, "C-2", complaint);
    PriorityDecision second = classify(desk, "C-1", complaint);
    assertThat(second.priority())
        .as("one complaint of C-1 six days ago; C-2's does not count")
        .isEqualTo(Priority.P2);
    assertThat(second.reasons().get(1)).contains("1 earlier");
    clock.advance(Duration.ofDays(2));
    PriorityDecision third = classify(desk, "C-1", complaint);
    assertThat(third.priority())
        .as("the first complaint is now eight days old")
        .isEqualTo(Priority.P2);
    assertThat(third.reasons().get(1)).contains("1 earlier");
    clock.advance(Duration.ofDays(8));
    assertThat(classify(desk, "C-1", complaint).priority())
        .as("all complaints are older than seven days")
        .isEqualTo(Priority.P3);
  }

  @Test
  void aReclassifiedComplaintDoesNotCountItselfAsAnEarlierComplaint() {
    ManualClock clock = ManualClock.at(Instant.parse("2026-04-01T00:00:00Z"));
    ServiceDesk desk = ServiceDesks.builder().clock(clock).build();
    Classification complaint =
        Classification.of(Category.COMPLAINT, Level.LOW, Level.LOW, Level.LOW);
    Ticket t = desk.open(request("C-5"), Fixtures.AGENT);
    t = desk.classify(t.id(), t.version(), complaint, Fixtures.AGENT);
    t = desk.assign(t.id(), t.version(), Assignment.of("agent-007", "complaints"), Fixtures.LEAD);
    t = desk.start(t.id(), t.version(), Fixtures.AGENT);
    t = desk.resolve(t.id(), t.version(), "apologised", Fixtures.AGENT);
    t = desk.reopen(t.id(), t.version(), "customer still unhappy", Fixtures.AGENT);
    t = desk.classify(t.id(), t.version(), complaint, Fixtures.AGENT);
    PriorityDecision d = t.priority().orElseThrow();
    assertThat(d.priority()).isEqualTo(Priority.P2);
    assertThat(d.reasons())
        .containsExactly(
            "matrix: impact LOW, urgency LOW, severity LOW -> P3",
            "reopened: reopened 1 time(s) after an unsatisfied callback or reopen, raised P3 -> P2");
  }

  private static PriorityDecision classify(
      ServiceDesk desk, String customerId, Classification classification) {
    Ticket t = desk.open(request(customerId), Fixtures.AGENT);
    return desk.classify(t.id(), t.version(), classification, Fixtures.AGENT)
        .priority()
        .orElseThrow();
  }

  private static NewTicket request(String customerId) {
    return NewTicket.builder()
        .channel(Channel.PHONE)
        .customer(Customer.builder(customerId).name("Alice").phone("13800001111").build())
        .product("Router R2")
        .problem("rude installer")
        .build();
  }
}
