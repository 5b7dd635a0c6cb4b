package io.loopdesk.store.tck;

import io.loopdesk.api.Actor;
import io.loopdesk.api.CallbackOutcome;
import io.loopdesk.api.CallbackResult;
import io.loopdesk.api.Category;
import io.loopdesk.api.Channel;
import io.loopdesk.api.Customer;
import io.loopdesk.api.CustomerTier;
import io.loopdesk.api.Level;
import io.loopdesk.api.Priority;
import io.loopdesk.api.PriorityDecision;
import io.loopdesk.api.PriorityFactors;
import io.loopdesk.api.Role;
import io.loopdesk.api.TicketAction;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.api.event.TicketChange;
import io.loopdesk.api.event.TicketChange.CallbackEffect;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * Values a store must keep verbatim: Chinese, emoji, combining marks, right-to-left text, SQL and
 * markup injection attempts, quotes, backslashes, control characters, unpaired surrogates, and
 * random ticket histories built from them. Deterministic for a given {@link Random}.
 */
public final class Samples {
  /** An ordinary agent. */
  public static final Actor AGENT = Actor.of("agent-007", Role.AGENT);

  /** Free texts that break naive encodings, escaping or SQL building. */
  public static final List<String> HOSTILE_TEXTS =
      List.of(
          "电池无法充电，安装师傅迟到了三个小时",
          "😡👍🏽👨‍👩‍👧‍👦 emoji with skin tone and ZWJ sequences",
          "'; DROP TABLE loopdesk_ticket; --",
          "\" OR \"1\"=\"1",
          "Robert'); DELETE FROM tickets WHERE ('1'='1",
          "<script>alert('xss')</script>",
          "back\\slash \\u0000 \\n not escapes",
          "line\nbreak\r\nand\ttab",
          "nul\u0000inside",
          "bell\u0007 escape\u001b[31m red",
          "unpaired \uD83D surrogate and \uDE00 low one",
          "e\u0301 combining, ﬁ ligature, \u200B zero width",
          "עברית ومرحبا right-to-left",
          "%_ like wildcards *? and $1 ${x} {{template}}",
          "{\"json\": [1, 2, {\"nested\": null}]}",
          "Ölaf Ünal naïve café",
          "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 outside the BMP 𠀀𠀁",
          "   leading and trailing spaces   ");

  /** Ticket ids a host might use, including ones that sort differently in UTF-16 and code point order. */
  public static final List<String> HOSTILE_IDS =
      List.of(
          "T-1",
          "t-1",
          "T-10",
          "T-2",
          "工单-0001",
          "工单-0002",
          "😀-emoji",
          "￥-fullwidth-yen",
          "'quote'",
          "\"dq\"",
          "back\\slash",
          "%_wild",
          "--comment",
          "a/b?c=d&e#f",
          "Z".repeat(64),
          "𠀀".repeat(64));

  /** Agent and department names that are not plain ASCII. */
  public static final List<String> HOSTILE_NAMES =
      List.of("agent-007", "张伟", "o'brien", "x\"; --", "back\\slash", "😀", "nul\u0000agent", "a\uD800b");

  private Samples() {}

  /** Returns a text of exactly {@code length} UTF-16 units mixing Chinese, emoji and ASCII. */
  public static String longText(int length, Random random) {
    String[] parts = {"电池", "无法充电", "😡", "👍🏽", " battery ", "'\"", "\\", "\n", "ü", "𠀀"};
    StringBuilder sb = new StringBuilder(length + 16);
    while (sb.length() < length) {
      sb.append(parts[random.nextInt(parts.length)]);
    }
    sb.setLength(length);
    if (Character.isHighSurrogate(sb.charAt(length - 1))) {
      sb.setCharAt(length - 1, '.');
    }
    return sb.toString();
  }

  /** Returns a hostile text. */
  public static String text(Random random) {
    return HOSTILE_TEXTS.get(random.nextInt(HOSTILE_TEXTS.size()));
  }

  /** Returns a random customer with personal data in several scripts. */
  public static Customer customer(Random random, int distinctIds) {
    String id = random.nextBoolean() ? "C-" + random.nextInt(distinctIds) : "客户-" + random.nextInt(distinctIds);
    String name = pick(random, List.of("张三", "李小龙", "Alice O'Hara", "🙂 Joy", "Ölaf \"the\" Ünal"));
    String phone = random.nextInt(4) == 0 ? null : "+86 138-0000-" + (1000 + random.nextInt(9000));
    String email = phone == null || random.nextBoolean() ? "zhang.san+" + random.nextInt(99) + "@example.cn" : null;
    return new Customer(id, name, phone, email, random.nextBoolean() ? CustomerTier.VIP : CustomerTier.STANDARD);
  }

  /** Returns a priority decision with reasons. */
  public static PriorityDecision priority(Random random) {
    Level[] levels = Level.values();
    PriorityFactors factors =
        PriorityFactors.of(
            levels[random.nextInt(3)], levels[random.nextInt(3)], levels[random.nextInt(3)]);
    Priority priority = Priority.values()[random.nextInt(Priority.values().length)];
    return new PriorityDecision(
        priority, factors, List.of("matrix " + factors + " -> " + priority, "VIP 客户 raised by one 👑"));
  }

  /** Returns a random opening change. */
  public static TicketChange.Opened opened(Random random, int distinctCustomers) {
    Channel channel =
        pick(random, List.of(Channel.PHONE, Channel.ONLINE_CHAT, Channel.EMAIL, Channel.of("WECOM")));
    return new TicketChange.Opened(
        channel,
        customer(random, distinctCustomers),
        pick(random, List.of("X9 phone", "空调 KFR-35", "Router R2 \"pro\"")),
        text(random),
        random.nextBoolean() ? text(random) : "",
        random.nextBoolean() ? text(random) : "");
  }

  /**
   * Returns a random but plausible history: a walk through the standard lifecycle with waits,
   * reassignments, failed and unsatisfied callbacks, reopens and a custom status.
   *
   * @param random the source of randomness
   * @param id the ticket id
   * @param openedAt when the ticket is opened
   * @param maxEvents the most events to produce, at least 1
   * @param pools how many distinct values to draw assignees, departments, customers and due instants from
   * @return the history
   */
  public static TicketHistory randomHistory(Random random, TicketId id, Instant openedAt, int maxEvents, int pools) {
    Duration step = random.nextBoolean() ? Duration.ZERO : Duration.ofSeconds(random.nextInt(3600), random.nextInt(1_000_000_000));
    TicketHistory h = TicketHistory.open(id, openedAt, step, AGENT, opened(random, pools));
    int length = 1 + random.nextInt(maxEvents);
    while (h.events().size() < length) {
      TicketStatus status = h.ticket().status();
      h.by(Actor.of(pick(random, HOSTILE_NAMES.subList(0, 6)), Role.values()[random.nextInt(Role.values().length)]));
      if (status.equals(TicketStatus.RECEIVED)) {
        Instant due = random.nextInt(3) == 0 ? null : openedAt.plus(Duration.ofHours(1 + random.nextInt(pools)));
        Category category = pick(random, List.of(Category.PRODUCT_FAULT, Category.COMPLAINT, Category.of("BILLING")));
        h.classify(category, priority(random), due);
      } else if (status.equals(TicketStatus.CLASSIFIED)) {
        h.assign(pick(random, HOSTILE_NAMES.subList(0, Math.min(pools, HOSTILE_NAMES.size()))), "售后 " + random.nextInt(pools));
      } else if (status.equals(TicketStatus.ASSIGNED)) {
        if (random.nextInt(4) == 0) {
          h.assign("agent-" + random.nextInt(pools), "support");
        } else {
          h.start();
        }
      } else if (status.equals(TicketStatus.IN_PROGRESS)) {
        switch (random.nextInt(5)) {
          case 0 -> h.waitOnCustomer(text(random));
          case 1 -> h.waitOnThirdParty(text(random));
          case 2 -> h.custom(TicketAction.of("SUBMIT_QA"), text(random), TicketStatus.of("QA_REVIEW"));
          default -> h.resolve(text(random));
        }
      } else if (status.equals(TicketStatus.of("QA_REVIEW"))) {
        h.custom(TicketAction.of("QA_PASSED"), "", TicketStatus.IN_PROGRESS);
      } else if (status.equals(TicketStatus.WAITING_ON_CUSTOMER) || status.equals(TicketStatus.WAITING_ON_THIRD_PARTY)) {
        h.resume();
      } else if (status.equals(TicketStatus.RESOLVED) || status.equals(TicketStatus.UNREACHABLE)) {
        randomCallback(random, h);
      } else if (status.equals(TicketStatus.CALLBACK)) {
        if (h.ticket().isCallbackConfirmed()) {
          if (random.nextInt(5) == 0) {
            h.reopen(text(random));
          } else {
            h.close();
          }
        } else {
          randomCallback(random, h);
        }
      } else {
        break;
      }
    }
    return h;
  }

  private static void randomCallback(Random random, TicketHistory h) {
    switch (random.nextInt(4)) {
      case 0 -> h.callback("agent-007", CallbackResult.reached(false, 1 + random.nextInt(2), text(random)), CallbackEffect.REOPENED);
      case 1 -> h.callback(
          "agent-007",
          CallbackResult.notReached(CallbackOutcome.NO_ANSWER, ""),
          h.ticket().failedCallbackAttempts() >= 2 ? CallbackEffect.GAVE_UP : CallbackEffect.NOT_REACHED);
      default -> h.callback("回访-01", CallbackResult.reached(true, 3 + random.nextInt(3), text(random)), CallbackEffect.CONFIRMED);
    }
  }

  /** Returns a random element. */
  public static <T> T pick(Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
