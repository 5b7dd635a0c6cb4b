package io.loopdesk.core;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** The priority matrix, its overrides, and the reasons recorded on the ticket. */
class PriorityModelTest {
  private final ManualClock clock = ManualClock.at(Instant.parse("2026-04-01T00:00:00Z"));

  @Property
  void matrixIsMonotoneInEveryFactor(
      @ForAll Level impact, @ForAll Level urgency, @ForAll Level severity) {
    MatrixPriorityModel model = MatrixPriorityModel.standard();
    Priority base = model.cell(PriorityFactors.of(impact, urgency, severity));
    for (Level higher : Level.values()) {
      if (higher.compareTo(impact) > 0) {
        assertThat(model.cell(PriorityFactors.of(higher, urgency, severity)).compareTo(base))
            .isLessThanOrEqualTo(0);
      }
      if (higher.compareTo(urgency) > 0) {
        assertThat(model.cell(PriorityFactors.of(impact, higher, severity)).compareTo(base))
            .isLessThanOrEqualTo(0);
      }
      if (higher.compareTo(severity) > 0) {
        assertThat(model.cell(PriorityFactors.of(impact, urgency, higher)).compareTo(base))
            .isLessThanOrEqualTo(0);
      }
    }
  }

  @Test
  void standardCellsFollowTheAfterSalesStandard() {
    MatrixPriorityModel m = MatrixPriorityModel.standard();
    assertThat(m.cell(PriorityFactors.of(Level.HIGH, Level.LOW, Level.HIGH)))
        .isEqualTo(Priority.P0);
    assertThat(m.cell(PriorityFactors.of(Level.LOW, Level.HIGH, Level.HIGH)))
        .isEqualTo(Priority.P0);
    assertThat(m.cell(PriorityFactors.of(Level.LOW, Level.HIGH, Level.MEDIUM)))
        .isEqualTo(Priority.P1);
    assertThat(m.cell(PriorityFactors.of(Level.LOW, Level.MEDIUM, Level.LOW)))
        .isEqualTo(Priority.P2);
    assertThat(m.cell(PriorityFactors.of(Level.LOW, Level.LOW, Level.LOW))).isEqualTo(Priority.P3);
  }

  @Test
  void configuredCellsAndCustomOverridesAreUsedWithReasons() {
    MatrixPriorityModel model =
        MatrixPriorityModel.builder()
            .cell(Level.LOW, Level.LOW, Level.LOW, Priority.P2)
            .clearOverrides()
            .override(
                "social-media",
                (t, c, prior) ->
                    t.channel().equals(Channel.SOCIAL_MEDIA)
                        ? Optional.of("public post on social media")
                        : Optional.empty())
            .build();
    ServiceDesk desk = ServiceDesks.builder().clock(clock).priorityModel(model).build();
    Ticket t = desk.open(request("C-9", CustomerTier.VIP, Channel.SOCIAL_MEDIA), Fixtures.AGENT);
    t =
        desk.classify(
            t.id(),
            1,
            Classification.of(Category.CONSULTATION, Level.LOW, Level.LOW, Level.LOW),
            Fixtures.AGENT);
    PriorityDecision d = t.priority().orElseThrow();
    assertThat(d.priority()).isEqualTo(Priority.P1);
    assertThat(d.reasons()).hasSize(2);
    assertThat(d.reasons().get(0)).contains("-> P2");
    assertThat(d.reasons().get(1))
        .isEqualTo("social-media: public post on social media, raised P2 -> P1");
  }

  @Test
  void vipAndRepeatedComplaintsRaiseOneLevelEachButNeverAboveP0() {
    ServiceDesk desk = ServiceDesks.builder().clock(clock).build();
    Classification complaint =
        Classification.of(Category.COMPLAINT, Level.LOW, Level.MEDIUM, Level.LOW);
    Ticket first = desk.open(request("C-7", CustomerTier.STANDARD, Channel.PHONE), Fixtures.AGENT);
    first = desk.classify(first.id(), 1, complaint, Fixtures.AGENT);
    assertThat(first.priority().orElseThrow().priority()).isEqualTo(Priority.P2);

    clock.advance(Duration.ofDays(3));
    Ticket second = desk.open(request("C-7", CustomerTier.VIP, Channel.PHONE), Fixtures.AGENT);
    second = desk.classify(second.id(), 1, complaint, Fixtures.AGENT);
    assertThat(second.priority().orElseThrow().priority()).isEqualTo(Priority.P0);
    assertThat(second.priority().orElseThrow().reasons())
        .containsExactly(
            "matrix: impact LOW, urgency MEDIUM, severity LOW -> P2",
            "vip: VIP customer, raised P2 -> P1",
            "repeated-complaint: repeated complaint (1 earlier in the look-back window), raised P1 -> P0");

    clock.advance(Duration.ofDays(40));
    Ticket late = desk.open(request("C-7", CustomerTier.STANDARD, Channel.PHONE), Fixtures.AGENT);
    late = desk.classify(late.id(), 1, complaint, Fixtures.AGENT);
    assertThat(late.priority().orElseThrow().priority())
        .as("earlier complaints are outside 30 days")
        .isEqualTo(Priority.P2);

    Ticket critical = desk.open(request("C-8", CustomerTier.VIP, Channel.PHONE), Fixtures.AGENT);
    critical =
        desk.classify(
            critical.id(),
            1,
            Classification.of(Category.PRODUCT_FAULT, Level.HIGH, Level.HIGH, Level.HIGH),
            Fixtures.AGENT);
    assertThat(critical.priority().orElseThrow().priority()).isEqualTo(Priority.P0);
    assertThat(critical.priority().orElseThrow().reasons())
        .last()
        .asString()
        .endsWith("already P0");
  }

  private static NewTicket request(String customerId, CustomerTier tier, Channel channel) {
    return NewTicket.builder()
        .channel(channel)
        .customer(
            Customer.builder(customerId).name("Alice").phone("13800001111").tier(tier).build())
        .product("Router R2")
        .problem("slow after the update")
        .build();
  }
}
