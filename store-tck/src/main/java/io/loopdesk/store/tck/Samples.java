package io.loopdesk.store.tck;

import io.loopdesk.api.Actor;
import io.loopdesk.api.CallbackOutcome;
import io.loopdesk.api.CallbackResult;
import io.loopdesk.api.Category;
import io.loopdesk.api.Channel;
import io.loopdesk.api.Customer;
import io.loopdesk.api.CustomerTier;
import io.loopdesk.api.IdDocument;
import io.loopdesk.api.IdDocumentType;
import io.loopdesk.api.Level;
import io.loopdesk.api.Priority;
import io.loopdesk.api.PriorityDecision;
import io.loopdesk.api.PriorityFactors;
import io.loopdesk.api.Role;
import io.loopdesk.api.SealedPersonalData;
import io.loopdesk.api.TicketAction;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.api.event.TicketChange;
import io.loopdesk.api.event.TicketChange.CallbackEffect;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * Values a store must keep verbatim: Chinese, emoji, combining marks, right-to-left text, SQL and
 * markup injection attempts, quotes, backslashes, control characters, unpaired surrogates,
 * customers with addresses and identity documents in clear, masked and sealed form, and random
 * ticket histories built from them. Deterministic for a given {@link Random}.
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

  /**
   * Ticket ids a host might use, including ones that sort differently in UTF-16 and code point
   * order.
   */
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
      List.of(
          "agent-007",
          "张伟",
          "o'brien",
          "x\"; --",
          "back\\slash",
          "😀",
          "nul\u0000agent",
          "a\uD800b");

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

  /** Postal addresses: Chinese, multi-line, emoji, outside the BMP, hostile to SQL and markup. */
  public static final List<String> ADDRESSES =
      List.of(
          "北京市朝阳区建国路88号SOHO现代城3号楼1702室",
          "广东省深圳市南山区粤海街道科技园南区 腾讯大厦 🏢 8F",
          "上海市浦东新区世纪大道100号\n环球金融中心 72层",
          "香港九龍尖沙咀彌敦道 132 號 美麗華大廈 12/F, Flat B",
          "221B Baker Street, London NW1 6XE, United Kingdom",
          "Rue de l'Église 5, 1000 Bruxelles — «chez Ölaf»",
          "'; DROP TABLE loopdesk_ticket; -- 号楼",
          "𠀀𠀁 村 🏠🏡 门牌 7-3-1102");

  private static final List<String> CN_REGIONS =
      List.of("110105", "310104", "440305", "510107", "650102", "330106");
  private static final int[] CN_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

  /**
   * Returns a valid Chinese resident ID number: region, birth date, sequence and the ISO 7064 MOD
   * 11-2 check character (sometimes {@code X}).
   */
  public static String cnResidentId(Random random) {
    String first17 =
        pick(random, CN_REGIONS)
            + String.format(
                "%04d%02d%02d",
                1930 + random.nextInt(95), 1 + random.nextInt(12), 1 + random.nextInt(28))
            + String.format("%03d", random.nextInt(1000));
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * CN_WEIGHTS[i];
    }
    return first17 + "10X98765432".charAt(sum % 11);
  }

  /**
   * Returns zero to three identity documents of several types, each valid for a customer in clear.
   */
  public static List<IdDocument> idDocuments(Random random) {
    List<IdDocument> documents = new ArrayList<>();
    int count = random.nextInt(4);
    for (int i = 0; i < count; i++) {
      documents.add(
          switch (random.nextInt(5)) {
            case 0, 1 -> IdDocument.of(IdDocumentType.CN_RESIDENT_ID, cnResidentId(random));
            case 2 ->
                IdDocument.of(
                    IdDocumentType.PASSPORT, "E" + (10_000_000 + random.nextInt(90_000_000)));
            case 3 ->
                IdDocument.of(
                    IdDocumentType.DRIVING_LICENCE, "粤B-驾 " + random.nextInt(100_000) + " 😀");
            default ->
                IdDocument.of(
                    IdDocumentType.of("HK_MACAO_PERMIT"),
                    "H" + (1_000_000 + random.nextInt(9_000_000)) + "'\"\\");
          });
    }
    return documents;
  }

  /**
   * Returns a random customer with personal data in several scripts, usually with an address and
   * identity documents; one in five is in {@link io.loopdesk.api.PersonalDataForm#MASKED} form.
   */
  public static Customer customer(Random random, int distinctIds) {
    String id =
        random.nextBoolean()
            ? "C-" + random.nextInt(distinctIds)
            : "客户-" + random.nextInt(distinctIds);
    String name = pick(random, List.of("张三", "李小龙", "Alice O'Hara", "🙂 Joy", "Ölaf \"the\" Ünal"));
    String phone = random.nextInt(4) == 0 ? null : "+86 138-0000-" + (1000 + random.nextInt(9000));
    String email =
        phone == null || random.nextBoolean()
            ? "zhang.san+" + random.nextInt(99) + "@example.cn"
            : null;
    String address =
        random.nextInt(4) == 0
            ? null
            : random.nextInt(3) == 0 ? text(random) : pick(random, ADDRESSES);
    Customer c =
        Customer.builder(id)
            .name(name)
            .phone(phone)
            .email(email)
            .address(address == null || address.isBlank() ? null : address)
            .idDocuments(idDocuments(random))
            .tier(random.nextBoolean() ? CustomerTier.VIP : CustomerTier.STANDARD)
            .build();
    return random.nextInt(5) == 0 ? c.masked() : c;
  }

  /**
   * Returns a customer in {@link io.loopdesk.api.PersonalDataForm#SEALED} form with random bytes as
   * ciphertext: a store must keep it verbatim, but only plain stores can read it back, not a
   * decorator that decrypts.
   */
  public static Customer sealedCustomer(Random random, String customerId) {
    byte[] bytes = new byte[28 + random.nextInt(400)];
    random.nextBytes(bytes);
    String ciphertext = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    return Customer.ofSealed(
        customerId,
        CustomerTier.VIP,
        new SealedPersonalData("k-" + random.nextInt(100), ciphertext));
  }

  /** Returns a priority decision with reasons. */
  public static PriorityDecision priority(Random random) {
    Level[] levels = Level.values();
    PriorityFactors factors =
        PriorityFactors.of(
            levels[random.nextInt(3)], levels[random.nextInt(3)], levels[random.nextInt(3)]);
    Priority priority = Priority.values()[random.nextInt(Priority.values().length)];
    return new PriorityDecision(
        priority,
        factors,
        List.of("matrix " + factors + " -> " + priority, "VIP 客户 raised by one 👑"));
  }

  /** Returns a random opening change. */
  public static TicketChange.Opened opened(Random random, int distinctCustomers) {
    Channel channel =
        pick(
            random,
            List.of(Channel.PHONE, Channel.ONLINE_CHAT, Channel.EMAIL, Channel.of("WECOM")));
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
   * reassignments, failed and unsatisfied callbacks, reopens, a custom status, and agent replies,
   * customer replies and internal notes in between.
   *
   * @param random the source of randomness
   * @param id the ticket id
   * @param openedAt when the ticket is opened
   * @param maxEvents the most events to produce, at least 1
   * @param pools how many distinct values to draw assignees, departments, customers and due
   *     instants from
   * @return the history
   */
  public static TicketHistory randomHistory(
      Random random, TicketId id, Instant openedAt, int maxEvents, int pools) {
    Duration step =
        random.nextBoolean()
            ? Duration.ZERO
            : Duration.ofSeconds(random.nextInt(3600), random.nextInt(1_000_000_000));
    TicketHistory h = TicketHistory.open(id, openedAt, step, AGENT, opened(random, pools));
    int length = 1 + random.nextInt(maxEvents);
    while (h.events().size() < length) {
      TicketStatus status = h.ticket().status();
      h.by(
          Actor.of(
              pick(random, HOSTILE_NAMES.subList(0, 6)),
              Role.values()[random.nextInt(Role.values().length)]));
      if (!status.equals(TicketStatus.CLOSED) && random.nextInt(5) == 0) {
        randomCommunication(random, h);
      } else if (status.equals(TicketStatus.RECEIVED)) {
        Instant due =
            random.nextInt(3) == 0
                ? null
                : openedAt.plus(Duration.ofHours(1 + random.nextInt(pools)));
        Category category =
            pick(
                random,
                List.of(Category.PRODUCT_FAULT, Category.COMPLAINT, Category.of("BILLING")));
        h.classify(category, priority(random), due);
      } else if (status.equals(TicketStatus.CLASSIFIED)) {
        h.assign(
            pick(random, HOSTILE_NAMES.subList(0, Math.min(pools, HOSTILE_NAMES.size()))),
            "售后 " + random.nextInt(pools));
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
          case 2 ->
              h.custom(TicketAction.of("SUBMIT_QA"), text(random), TicketStatus.of("QA_REVIEW"));
          default -> h.resolve(text(random));
        }
      } else if (status.equals(TicketStatus.of("QA_REVIEW"))) {
        h.custom(TicketAction.of("QA_PASSED"), "", TicketStatus.IN_PROGRESS);
      } else if (status.equals(TicketStatus.WAITING_ON_CUSTOMER)
          || status.equals(TicketStatus.WAITING_ON_THIRD_PARTY)) {
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

  /**
   * Appends a random agent reply, customer reply or internal note with random (possibly hostile)
   * text.
   */
  private static void randomCommunication(Random random, TicketHistory h) {
    String body = text(random);
    String nonBlank = body.isBlank() ? "x" + body : body;
    Channel channel =
        pick(random, List.of(Channel.PHONE, Channel.EMAIL, Channel.APP, Channel.of("WECOM")));
    switch (random.nextInt(3)) {
      case 0 -> h.replyToCustomer(channel, nonBlank);
      case 1 -> h.customerReply(channel, nonBlank);
      default -> h.internalNote(nonBlank);
    }
  }

  private static void randomCallback(Random random, TicketHistory h) {
    switch (random.nextInt(4)) {
      case 0 ->
          h.callback(
              "agent-007",
              CallbackResult.reached(false, 1 + random.nextInt(2), text(random)),
              CallbackEffect.REOPENED);
      case 1 ->
          h.callback(
              "agent-007",
              CallbackResult.notReached(CallbackOutcome.NO_ANSWER, ""),
              h.ticket().failedCallbackAttempts() >= 2
                  ? CallbackEffect.GAVE_UP
                  : CallbackEffect.NOT_REACHED);
      default ->
          h.callback(
              "回访-01",
              CallbackResult.reached(true, 3 + random.nextInt(3), text(random)),
              CallbackEffect.CONFIRMED);
    }
  }

  /** Returns a random element. */
  public static <T> T pick(Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
