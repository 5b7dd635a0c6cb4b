package io.loopdesk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loopdesk.api.Actor;
import io.loopdesk.api.Assignment;
import io.loopdesk.api.CallbackResult;
import io.loopdesk.api.Category;
import io.loopdesk.api.Channel;
import io.loopdesk.api.Classification;
import io.loopdesk.api.ClosedLoopViolationException;
import io.loopdesk.api.Customer;
import io.loopdesk.api.Level;
import io.loopdesk.api.NewTicket;
import io.loopdesk.api.Priority;
import io.loopdesk.api.Role;
import io.loopdesk.api.ServiceDesk;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.api.event.TicketChange;
import io.loopdesk.api.event.TicketEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The worked examples of the after-sales service standard, end to end. */
class AfterSalesScenarioTest {
  private final ManualClock clock = ManualClock.at(Instant.parse("2026-05-11T02:00:00Z"));
  private final ServiceDesk desk = ServiceDesks.builder().clock(clock).build();
  private final Actor hotline = Actor.of("hotline-12", Role.AGENT);
  private final Actor engineer = Actor.of("tech-3", Role.AGENT);
  private final Actor callbackAgent = Actor.of("callback-5", Role.AGENT);

  @Test
  void phoneBatteryFaultIsP1ForTechnicalSupportAndClosesAfterRatingFive() {
    Ticket t =
        desk.open(
            NewTicket.builder()
                .channel(Channel.PHONE)
                .customer(Customer.of("C-1001", "张三", "13812345678", null))
                .product("X9 phone")
                .problem("手机电池充不进电，充电一夜仍是 5%")
                .expectation("免费维修或更换电池")
                .alreadyTried("换了充电器和数据线，重启过")
                .build(),
            hotline);
    t =
        desk.classify(
            t.id(),
            t.version(),
            Classification.of(Category.PRODUCT_FAULT, Level.LOW, Level.HIGH, Level.MEDIUM),
            hotline);
    assertThat(t.priority().orElseThrow().priority()).isEqualTo(Priority.P1);
    assertThat(t.priority().orElseThrow().reasons())
        .first()
        .asString()
        .contains("urgency HIGH")
        .contains("P1");
    t = desk.assign(t.id(), t.version(), Assignment.of("tech-3", "technical-support"), hotline);
    t = desk.start(t.id(), t.version(), engineer);
    clock.advance(Duration.ofHours(20));
    t = desk.resolve(t.id(), t.version(), "battery replaced under warranty", engineer);
    clock.advance(Duration.ofHours(5));
    t =
        desk.recordCallback(
            t.id(), t.version(), CallbackResult.reached(true, 5, "很满意"), callbackAgent);
    assertThat(t.status()).isEqualTo(TicketStatus.CALLBACK);
    t = desk.close(t.id(), t.version(), callbackAgent);

    assertThat(t.status()).isEqualTo(TicketStatus.CLOSED);
    assertThat(t.version()).isEqualTo(7);
    assertThat(t.department()).contains("technical-support");
    List<TicketEvent> trail = desk.history(t.id());
    assertThat(trail)
        .extracting(TicketEvent::to)
        .containsExactly(
            TicketStatus.RECEIVED,
            TicketStatus.CLASSIFIED,
            TicketStatus.ASSIGNED,
            TicketStatus.IN_PROGRESS,
            TicketStatus.RESOLVED,
            TicketStatus.CALLBACK,
            TicketStatus.CLOSED);
    assertThat(trail)
        .extracting(e -> e.actor().id())
        .containsExactly(
            "hotline-12",
            "hotline-12",
            "hotline-12",
            "tech-3",
            "tech-3",
            "callback-5",
            "callback-5");
    assertThat(trail.get(4).at()).isEqualTo(Instant.parse("2026-05-11T22:00:00Z"));
    assertThat(TicketEvent.replay(trail)).isEqualTo(t);
  }

  @Test
  void installationServiceComplaintIsP2ServiceExperienceAndClosesAfterRatingFour() {
    Ticket t =
        desk.open(
            NewTicket.builder()
                .channel(Channel.ONLINE_CHAT)
                .customer(Customer.of("C-2002", "李四", null, "li.si@example.cn"))
                .product("空调 KFR-35 安装服务")
                .problem("安装师傅迟到三小时且没有提前通知")
                .expectation("道歉并说明改进措施")
                .build(),
            hotline);
    t =
        desk.classify(
            t.id(),
            t.version(),
            Classification.of(Category.SERVICE_EXPERIENCE, Level.LOW, Level.MEDIUM, Level.LOW),
            hotline);
    assertThat(t.priority().orElseThrow().priority()).isEqualTo(Priority.P2);
    t =
        desk.assign(
            t.id(), t.version(), Assignment.of("sup-1", "customer-service-supervisor"), hotline);
    t = desk.start(t.id(), t.version(), Actor.of("sup-1", Role.SUPERVISOR));
    t =
        desk.waitOnThirdParty(
            t.id(),
            t.version(),
            "asking the installation partner for the dispatch log",
            Actor.of("sup-1", Role.SUPERVISOR));
    t = desk.resume(t.id(), t.version(), Actor.of("sup-1", Role.SUPERVISOR));
    t =
        desk.resolve(
            t.id(),
            t.version(),
            "apologised, 50 CNY voucher, partner retrained on arrival notices",
            Actor.of("sup-1", Role.SUPERVISOR));
    t =
        desk.recordCallback(
            t.id(), t.version(), CallbackResult.reached(true, 4, "可以接受"), callbackAgent);
    t = desk.close(t.id(), t.version(), callbackAgent);
    assertThat(t.status()).isEqualTo(TicketStatus.CLOSED);
    assertThat(t.latestCallback().orElseThrow().result().rating()).isEqualTo(4);
  }

  @Test
  void ratingTwoReopensSendsBackToClassificationAndRaisesPriority() {
    Ticket t =
        desk.open(
            NewTicket.builder()
                .channel(Channel.APP)
                .customer(Customer.of("C-3003", "王芳", "13900001111", null))
                .product("扫地机器人 S7")
                .problem("客服说明的退货流程和门店不一致")
                .build(),
            hotline);
    t =
        desk.classify(
            t.id(),
            t.version(),
            Classification.of(Category.SERVICE_EXPERIENCE, Level.LOW, Level.MEDIUM, Level.LOW),
            hotline);
    assertThat(t.priority().orElseThrow().priority()).isEqualTo(Priority.P2);
    t = desk.assign(t.id(), t.version(), Assignment.of("agent-1", "service"), hotline);
    t = desk.start(t.id(), t.version(), hotline);
    t = desk.resolve(t.id(), t.version(), "explained the policy", hotline);

    Ticket beforeClose = t;
    assertThatThrownBy(() -> desk.close(beforeClose.id(), beforeClose.version(), hotline))
        .isInstanceOf(io.loopdesk.api.IllegalTransitionException.class)
        .hasMessageContaining("RESOLVED")
        .hasMessageContaining("RECORD_CALLBACK");

    t =
        desk.recordCallback(
            t.id(), t.version(), CallbackResult.reached(false, 2, "问题没有解决"), callbackAgent);
    assertThat(t.status()).isEqualTo(TicketStatus.RECEIVED);
    assertThat(t.reopenCount()).isEqualTo(1);
    assertThat(t.resolution()).isEmpty();
    TicketEvent last = desk.history(t.id()).get(desk.history(t.id()).size() - 1);
    assertThat(last.change())
        .isInstanceOfSatisfying(
            TicketChange.CallbackRecorded.class,
            c -> assertThat(c.effect()).isEqualTo(TicketChange.CallbackEffect.REOPENED));

    t =
        desk.classify(
            t.id(),
            t.version(),
            Classification.of(Category.SERVICE_EXPERIENCE, Level.LOW, Level.MEDIUM, Level.LOW),
            hotline);
    assertThat(t.priority().orElseThrow().priority()).isEqualTo(Priority.P1);
    assertThat(t.priority().orElseThrow().reasons())
        .anySatisfy(r -> assertThat(r).contains("reopened").contains("P2 -> P1"));
  }

  @Test
  void closingWithoutSatisfactoryCallbackIsRejectedWithTheReason() {
    ServiceDesk strict =
        ServiceDesks.builder()
            .clock(clock)
            .closedLoop(
                new ClosedLoopPolicy(4, 2, ClosedLoopPolicy.UnreachablePolicy.MARK_UNREACHABLE))
            .build();
    Ticket t = Scenarios.openAndResolve(strict, Fixtures.newTickets().sample());
    t =
        strict.recordCallback(
            t.id(),
            t.version(),
            CallbackResult.notReached(io.loopdesk.api.CallbackOutcome.NO_ANSWER, ""),
            callbackAgent);
    assertThat(t.status()).isEqualTo(TicketStatus.CALLBACK);
    Ticket unreached = t;
    assertThatThrownBy(() -> strict.close(unreached.id(), unreached.version(), callbackAgent))
        .isInstanceOf(ClosedLoopViolationException.class)
        .hasMessageContaining("did not reach the customer");
    assertThat(strict.get(t.id())).isEqualTo(unreached);

    t =
        strict.recordCallback(
            t.id(),
            t.version(),
            CallbackResult.notReached(io.loopdesk.api.CallbackOutcome.WRONG_NUMBER, ""),
            callbackAgent);
    assertThat(t.status()).isEqualTo(TicketStatus.UNREACHABLE);
    assertThat(t.failedCallbackAttempts()).isEqualTo(2);
    assertThat(strict.allowedActions(t)).doesNotContain(io.loopdesk.api.TicketAction.CLOSE);

    t =
        strict.recordCallback(
            t.id(), t.version(), CallbackResult.reached(true, 4, "finally reached"), callbackAgent);
    assertThat(t.status()).isEqualTo(TicketStatus.CALLBACK);
    assertThat(strict.close(t.id(), t.version(), callbackAgent).status())
        .isEqualTo(TicketStatus.CLOSED);
  }

  @Test
  void keepCallingPolicyNeverGivesUpButNeverCloses() {
    ServiceDesk desk2 =
        ServiceDesks.builder()
            .clock(clock)
            .closedLoop(new ClosedLoopPolicy(3, 1, ClosedLoopPolicy.UnreachablePolicy.KEEP_CALLING))
            .build();
    Ticket t = Scenarios.openAndResolve(desk2, Fixtures.newTickets().sample());
    for (int i = 1; i <= 5; i++) {
      t =
          desk2.recordCallback(
              t.id(),
              t.version(),
              CallbackResult.notReached(io.loopdesk.api.CallbackOutcome.NO_ANSWER, ""),
              callbackAgent);
      assertThat(t.status()).isEqualTo(TicketStatus.CALLBACK);
      assertThat(t.failedCallbackAttempts()).isEqualTo(i);
    }
    Ticket last = t;
    assertThatThrownBy(() -> desk2.close(last.id(), last.version(), callbackAgent))
        .isInstanceOf(ClosedLoopViolationException.class);
  }
}
