package io.loopdesk.archive;

import io.loopdesk.api.CallbackResult;
import io.loopdesk.api.Category;
import io.loopdesk.api.Channel;
import io.loopdesk.api.Customer;
import io.loopdesk.api.IdDocumentType;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.api.event.TicketChange;
import io.loopdesk.api.event.TicketEvent;
import io.loopdesk.api.spi.TicketStore;
import io.loopdesk.core.HistoryChain;
import io.loopdesk.insights.KpiCalculator;
import io.loopdesk.insights.KpiReport;
import io.loopdesk.store.tck.Samples;
import io.loopdesk.store.tck.TicketHistory;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random ticket histories of customers in clear, with personal data in message bodies, and their
 * KPIs.
 */
final class Histories {
  static final Instant START = Instant.parse("2026-01-05T01:00:00Z");
  static final HistoryChain CHAIN =
      HistoryChain.hmacSha256(
          "archive-test-host-key-0123456789".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  static final KpiCalculator KPIS = KpiCalculator.of(ZoneId.of("Asia/Shanghai"), 5);
  private static final String SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨";
  private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞";

  private Histories() {}

  /** A customer in clear whose every field is distinctive enough to be searched for. */
  static Customer customer(Random random, String id) {
    String name =
        ""
            + SURNAMES.charAt(random.nextInt(SURNAMES.length()))
            + GIVEN.charAt(random.nextInt(GIVEN.length()))
            + GIVEN.charAt(random.nextInt(GIVEN.length()))
            + GIVEN.charAt(random.nextInt(GIVEN.length()));
    return Customer.builder(id)
        .name(name)
        .phone("139" + String.format("%08d", random.nextInt(100_000_000)))
        .email("u" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36) + "@example.com")
        .address("北京市朝阳区望京街" + (100 + random.nextInt(900)) + "号楼" + (1 + random.nextInt(30)) + "单元")
        .idDocument(IdDocumentType.CN_RESIDENT_ID, Samples.cnResidentId(random))
        .build();
  }

  /** Every value of a customer's personal data that must not be found in clear. */
  static List<String> secrets(Customer c) {
    List<String> out = new ArrayList<>(List.of(c.name(), c.phone(), c.email(), c.address()));
    c.idDocuments().forEach(d -> out.add(d.number()));
    for (String s : List.copyOf(out)) {
      StringBuilder escaped = new StringBuilder();
      s.chars()
          .forEach(
              ch ->
                  escaped.append(
                      ch < 128 ? String.valueOf((char) ch) : String.format("\\u%04x", ch)));
      out.add(escaped.toString());
      out.add(escaped.toString().toUpperCase(java.util.Locale.ROOT).replace("\\U", "\\u"));
    }
    return out;
  }

  /**
   * Random histories: {@code tickets} tickets of {@code customers} customers, opened over two
   * weeks, with replies and notes that quote the customer's phone and name, many closed long ago.
   */
  static List<TicketHistory> random(Random random, int tickets, List<Customer> customers) {
    List<TicketHistory> out = new ArrayList<>();
    for (int i = 0; i < tickets; i++) {
      Customer c = customers.get(random.nextInt(customers.size()));
      Instant opened = START.plus(Duration.ofMinutes(random.nextInt(14 * 24 * 60)));
      TicketHistory h =
          TicketHistory.open(
              TicketId.of("T-" + i),
              opened,
              Duration.ofMinutes(1 + random.nextInt(240)),
              Samples.AGENT,
              new TicketChange.Opened(
                  Channel.PHONE, c, "X9 手机", "问题-" + (i % 7) + " 电池无法充电", "维修", ""));
      int steps = random.nextInt(12);
      for (int s = 0; s < steps; s++) {
        step(random, h, c);
      }
      out.add(h);
    }
    return out;
  }

  private static void step(Random random, TicketHistory h, Customer c) {
    TicketStatus status = h.ticket().status();
    if (!status.equals(TicketStatus.CLOSED) && random.nextInt(4) == 0) {
      switch (random.nextInt(3)) {
        case 0 -> h.replyToCustomer(Channel.EMAIL, "您好 " + c.name() + "，我们会回电 " + c.phone());
        case 1 -> h.customerReply(Channel.PHONE, "我的邮箱是 " + c.email() + "，地址 " + c.address());
        default -> h.internalNote("证件 " + c.idDocuments().get(0).number() + " 已核对");
      }
      return;
    }
    if (status.equals(TicketStatus.RECEIVED)) {
      Category category =
          List.of(Category.PRODUCT_FAULT, Category.COMPLAINT, Category.of("BILLING"))
              .get(random.nextInt(3));
      h.classify(
          category,
          Samples.priority(random),
          h.ticket().createdAt().plus(Duration.ofHours(4 + random.nextInt(48))));
    } else if (status.equals(TicketStatus.CLASSIFIED)) {
      h.assign("agent-" + random.nextInt(3), "售后");
    } else if (status.equals(TicketStatus.ASSIGNED)) {
      h.start();
    } else if (status.equals(TicketStatus.IN_PROGRESS)) {
      h.resolve("已更换电池");
    } else if (status.equals(TicketStatus.RESOLVED)) {
      h.callback(
          "qa-1",
          CallbackResult.reached(true, 1 + random.nextInt(5), "满意"),
          TicketChange.CallbackEffect.CONFIRMED);
    } else if (status.equals(TicketStatus.CALLBACK)) {
      h.close();
    } else if (status.equals(TicketStatus.CLOSED) && random.nextInt(3) == 0) {
      h.reopen("客户再次来电");
    }
  }

  /** Saves every history with each event chained under {@link #CHAIN}, as the desk does. */
  static void saveChained(List<TicketHistory> histories, TicketStore store) {
    for (TicketHistory h : histories) {
      String previous = null;
      for (int i = 0; i < h.events().size(); i++) {
        TicketEvent e = CHAIN.stamp(h.events().get(i), previous);
        previous = e.chain();
        store.save(e, h.snapshots().get(i).toBuilder().historyHash(previous).build());
      }
    }
  }

  /** The KPIs of histories as the desk saw them. */
  static KpiReport kpis(List<TicketHistory> histories, Instant asOf) {
    List<TicketEvent> events = new ArrayList<>();
    histories.forEach(h -> events.addAll(h.events()));
    return KPIS.compute(events, asOf);
  }

  /** The KPIs of the same tickets as a store reads them now. */
  static KpiReport kpis(TicketStore store, List<TicketHistory> histories, Instant asOf) {
    List<TicketEvent> events = new ArrayList<>();
    histories.forEach(h -> events.addAll(store.events(h.id())));
    return KPIS.compute(events, asOf);
  }

  /** The customers of some histories, by id. */
  static Map<String, Customer> customersOf(List<TicketHistory> histories) {
    Map<String, Customer> out = new LinkedHashMap<>();
    histories.stream()
        .sorted(Comparator.comparing(h -> h.id().value()))
        .forEach(h -> out.put(h.ticket().customer().customerId(), h.ticket().customer()));
    return out;
  }

  /** The last snapshot of a history. */
  static Ticket last(TicketHistory h) {
    return h.ticket();
  }
}
