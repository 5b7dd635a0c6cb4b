package io.loopdesk.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopdesk.api.Assignment;
import io.loopdesk.api.CallbackResult;
import io.loopdesk.api.Category;
import io.loopdesk.api.Channel;
import io.loopdesk.api.Classification;
import io.loopdesk.api.Customer;
import io.loopdesk.api.IdDocumentType;
import io.loopdesk.api.Level;
import io.loopdesk.api.Masking;
import io.loopdesk.api.NewTicket;
import io.loopdesk.api.ServiceDesk;
import io.loopdesk.api.Ticket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Names, phones, e-mails, addresses and ID numbers never appear unmasked in toString or in logs
 * (target/test.log).
 */
class PersonalDataMaskingTest {

  @Test
  void masksFollowTheHandbookExamples() {
    assertThat(Masking.address("北京市朝阳区建国路88号")).isEqualTo("北京市****");
    assertThat(Masking.idNumber("11010519491231002X")).isEqualTo("11****2X");
    assertThat(Masking.name("张三")).isEqualTo("张*");
    assertThat(Masking.name("Alice Smith")).isEqualTo("A*");
    assertThat(Masking.name("😀Joy")).isEqualTo("😀*");
    assertThat(Masking.phone("13812345678")).isEqualTo("138****5678");
    assertThat(Masking.phone("+8613812345678")).isEqualTo("+86****5678");
    assertThat(Masking.phone("12345")).isEqualTo("****45");
    assertThat(Masking.email("alice@example.com")).isEqualTo("a****@example.com");
    assertThat(Masking.email("broken")).isEqualTo("****");
    assertThat(Masking.phone(null)).isNull();
  }

  @Test
  void toStringOfCustomerTicketAndRequestHidesPersonalData() {
    Customer c =
        Customer.builder("C-1")
            .name("张三丰")
            .phone("13812345678")
            .email("zhang.sanfeng@example.cn")
            .address("湖北省十堰市武当山特区紫霄宫 1 号")
            .idDocument(IdDocumentType.CN_RESIDENT_ID, "42030319800101005X")
            .build();
    NewTicket request =
        NewTicket.builder()
            .channel(Channel.PHONE)
            .customer(c)
            .product("X9")
            .problem("电池鼓包")
            .build();
    ServiceDesk desk =
        ServiceDesks.builder().clock(ManualClock.at(Instant.parse("2026-01-01T00:00:00Z"))).build();
    Ticket t = desk.open(request, Fixtures.AGENT);
    for (String text :
        new String[] {
          c.toString(), request.toString(), t.toString(), desk.history(t.id()).toString()
        }) {
      assertThat(text)
          .doesNotContain(
              "张三丰",
              "13812345678",
              "zhang.sanfeng",
              "十堰市",
              "武当山",
              "42030319800101005X",
              "0303198001")
          .contains("138****5678", "湖北省****", "42****5X");
    }
  }

  @Test
  void aFullLifecycleLogsNoPersonalData() throws Exception {
    Path logFile = Path.of("target/test.log");
    LoggerFactory.getLogger(PersonalDataMaskingTest.class).info("masking test starts");
    long start = Files.size(logFile);
    String ticketId;
    {
      ServiceDesk desk =
          ServiceDesks.builder()
              .clock(ManualClock.at(Instant.parse("2026-01-01T00:00:00Z")))
              .listener(
                  (event, ticket) -> {
                    throw new IllegalStateException("listener failure for " + ticket);
                  })
              .build();
      Customer c =
          Customer.builder("C-1")
              .name("欧阳娜娜")
              .phone("13987654321")
              .email("nana@example.com")
              .address("上海市静安区南京西路1266号恒隆广场")
              .idDocument(IdDocumentType.CN_RESIDENT_ID, "310106199003075161")
              .idDocument(IdDocumentType.PASSPORT, "E98765432")
              .build();
      Ticket t =
          desk.open(
              NewTicket.builder()
                  .channel(Channel.APP)
                  .customer(c)
                  .product("X9")
                  .problem("屏幕碎了")
                  .build(),
              Fixtures.AGENT);
      t =
          desk.classify(
              t.id(),
              t.version(),
              Classification.of(Category.PRODUCT_FAULT, Level.LOW, Level.HIGH, Level.LOW),
              Fixtures.AGENT);
      t = desk.assign(t.id(), t.version(), Assignment.of("agent-1", "repair"), Fixtures.LEAD);
      t = desk.start(t.id(), t.version(), Fixtures.AGENT);
      t = desk.resolve(t.id(), t.version(), "screen replaced", Fixtures.AGENT);
      t =
          desk.recordCallback(
              t.id(), t.version(), CallbackResult.reached(true, 5, ""), Fixtures.AGENT);
      desk.close(t.id(), t.version(), Fixtures.AGENT);
      ticketId = t.id().value();
    }
    byte[] all = Files.readAllBytes(logFile);
    String log = new String(all, (int) start, all.length - (int) start, StandardCharsets.UTF_8);
    assertThat(log)
        .contains("ticket " + ticketId + " v7 CALLBACK -> CLOSED")
        .contains("listener")
        .doesNotContain(
            "欧阳娜娜",
            "13987654321",
            "nana@example.com",
            "静安区",
            "南京西路",
            "恒隆",
            "310106199003075161",
            "0106199003",
            "E98765432");
  }
}
