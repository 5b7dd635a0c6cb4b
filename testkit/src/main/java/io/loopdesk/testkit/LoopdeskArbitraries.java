package io.loopdesk.testkit;

import io.loopdesk.api.Actor;
import io.loopdesk.api.Assignment;
import io.loopdesk.api.CallbackOutcome;
import io.loopdesk.api.CallbackResult;
import io.loopdesk.api.Category;
import io.loopdesk.api.Channel;
import io.loopdesk.api.Classification;
import io.loopdesk.api.Customer;
import io.loopdesk.api.CustomerTier;
import io.loopdesk.api.IdDocumentType;
import io.loopdesk.api.Level;
import io.loopdesk.api.NewTicket;
import io.loopdesk.api.Role;
import io.loopdesk.api.Satisfaction;
import io.loopdesk.sla.calendar.BusinessCalendar;
import io.loopdesk.sla.calendar.WorkingInterval;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik arbitraries for valid Loopdesk values, for an embedder's own properties. Every value they
 * generate passes the library's validation; shrinking moves towards simple values (first region
 * code, earliest birth date, standard tier, first channel).
 *
 * <pre>{@code
 * @Property
 * void everyCustomerCanOpenATicket(@ForAll("tickets") NewTicket request) { ... }
 *
 * @Provide
 * Arbitrary<NewTicket> tickets() {
 *   return LoopdeskArbitraries.newTickets();
 * }
 * }</pre>
 *
 * <p>Generated personal data is made up: the ID numbers have the right form (see {@link
 * ChineseResidentIds}) but are drawn at random, and the mobile numbers use real carrier prefixes
 * with random subscriber digits.
 */
public final class LoopdeskArbitraries {
  /** Mobile prefixes (first three digits) of mainland carriers. */
  static final List<String> MOBILE_PREFIXES =
      List.of(
          "130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "145", "147", "150",
          "151", "152", "153", "155", "156", "157", "158", "159", "166", "170", "171", "173", "175",
          "176", "177", "178", "180", "181", "182", "183", "184", "185", "186", "187", "188", "189",
          "191", "193", "195", "196", "197", "198", "199");

  private static final List<String> SURNAMES =
      List.of(
          "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林",
          "欧阳", "司马");
  private static final List<String> GIVEN =
      List.of(
          "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英",
          "霞", "平");
  private static final List<String> PRODUCTS =
      List.of(
          "洗衣机 XQG100",
          "Router AX3000",
          "宽带 500M",
          "冰箱 BCD-520",
          "Smart TV 65\"",
          "会员服务",
          "空调 KFR-35GW");
  private static final List<String> PROBLEMS =
      List.of(
          "开机后无法启动，指示灯闪烁",
          "Wi-Fi drops every evening",
          "安装师傅没有按约定时间上门 😡",
          "账单金额与套餐不符",
          "The display shows error E21 after ten minutes",
          "噪音很大，怀疑电机故障");
  private static final List<Channel> CHANNELS =
      List.of(
          Channel.PHONE,
          Channel.ONLINE_CHAT,
          Channel.EMAIL,
          Channel.APP,
          Channel.SOCIAL_MEDIA,
          Channel.PAPER_FORM,
          Channel.ON_SITE);
  private static final List<Category> CATEGORIES =
      List.of(
          Category.PRODUCT_FAULT,
          Category.SERVICE_EXPERIENCE,
          Category.SUGGESTION,
          Category.COMPLAINT,
          Category.CONSULTATION);
  private static final List<String> ZONES =
      List.of("Asia/Shanghai", "Asia/Hong_Kong", "Asia/Urumqi", "UTC");
  private static final LocalDate OLDEST_BIRTH = LocalDate.of(1940, 1, 1);
  private static final LocalDate YOUNGEST_BIRTH = LocalDate.of(2008, 12, 31);

  private LoopdeskArbitraries() {}

  /**
   * Valid mainland Chinese resident ID numbers: a region code from {@link
   * ChineseResidentIds#REGION_CODES}, a real birth date from 1940 to 2008, a sequence 000-999 and
   * the GB 11643 check character (sometimes {@code X}).
   *
   * @return the arbitrary; every value satisfies {@link ChineseResidentIds#isValid(String)}
   */
  public static Arbitrary<String> chineseResidentIdNumbers() {
    return Combinators.combine(
            Arbitraries.of(ChineseResidentIds.REGION_CODES),
            Arbitraries.integers()
                .between(0, (int) (YOUNGEST_BIRTH.toEpochDay() - OLDEST_BIRTH.toEpochDay())),
            Arbitraries.integers().between(0, 999))
        .as(
            (region, day, sequence) ->
                ChineseResidentIds.of(region, OLDEST_BIRTH.plusDays(day), sequence));
  }

  /**
   * Valid mainland mobile numbers: 11 digits with a carrier prefix, written plain ({@code
   * 13812345678}), with the country code ({@code +86 13812345678}) or grouped ({@code
   * 138-1234-5678}).
   *
   * @return the arbitrary
   */
  public static Arbitrary<String> mobileNumbers() {
    Arbitrary<String> digits =
        Combinators.combine(
                Arbitraries.of(MOBILE_PREFIXES), Arbitraries.strings().numeric().ofLength(8))
            .as((prefix, rest) -> prefix + rest);
    return Combinators.combine(digits, Arbitraries.integers().between(0, 2))
        .as(
            (number, style) ->
                switch (style) {
                  case 1 -> "+86 " + number;
                  case 2 ->
                      number.substring(0, 3)
                          + "-"
                          + number.substring(3, 7)
                          + "-"
                          + number.substring(7);
                  default -> number;
                });
  }

  /**
   * Customers in clear form with a Chinese name, a valid mobile number, a valid resident ID and
   * sometimes an e-mail address and a postal address; standard or VIP tier.
   *
   * @return the arbitrary
   */
  public static Arbitrary<Customer> customers() {
    Arbitrary<String> names =
        Combinators.combine(
                Arbitraries.of(SURNAMES), Arbitraries.of(GIVEN).list().ofMinSize(1).ofMaxSize(2))
            .as((surname, given) -> surname + String.join("", given));
    Arbitrary<String> emails =
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .ofMinLength(1)
            .ofMaxLength(12)
            .map(local -> local + "@example.com")
            .injectNull(0.5);
    Arbitrary<String> addresses =
        Arbitraries.of("北京市朝阳区建国路88号", "上海市浦东新区世纪大道100号", "广州市天河区体育西路1号").injectNull(0.5);
    return Combinators.combine(
            Arbitraries.integers().between(1, 99_999_999),
            names,
            mobileNumbers(),
            emails,
            addresses,
            chineseResidentIdNumbers(),
            Arbitraries.of(CustomerTier.class))
        .as(
            (number, name, phone, email, address, idNumber, tier) ->
                Customer.builder("C-" + number)
                    .name(name)
                    .phone(phone)
                    .email(email)
                    .address(address)
                    .idDocument(IdDocumentType.CN_RESIDENT_ID, idNumber)
                    .tier(tier)
                    .build());
  }

  /**
   * Requests to open a ticket from any standard channel, for a {@link #customers() customer}, with
   * Chinese or English product and problem text; no requested id, so the desk generates one.
   *
   * @return the arbitrary
   */
  public static Arbitrary<NewTicket> newTickets() {
    return Combinators.combine(
            Arbitraries.of(CHANNELS),
            customers(),
            Arbitraries.of(PRODUCTS),
            Arbitraries.of(PROBLEMS),
            Arbitraries.of("", "尽快上门维修", "Refund", "更换新机"),
            Arbitraries.of("", "重启过", "Reset to factory settings"))
        .as(
            (channel, customer, product, problem, expectation, tried) ->
                NewTicket.builder()
                    .channel(channel)
                    .customer(customer)
                    .product(product)
                    .problem(problem)
                    .expectation(expectation)
                    .alreadyTried(tried)
                    .build());
  }

  /**
   * Classifications over the standard categories and every combination of impact, urgency and
   * severity.
   *
   * @return the arbitrary
   */
  public static Arbitrary<Classification> classifications() {
    Arbitrary<Level> levels = Arbitraries.of(Level.class);
    return Combinators.combine(Arbitraries.of(CATEGORIES), levels, levels, levels)
        .as(Classification::of);
  }

  /**
   * Any callback result: {@link #satisfiedCallbacks(int) satisfied}, {@link
   * #unsatisfiedCallbacks(int) reached but unsatisfied} or {@link #unreachedCallbacks() not
   * reached}, in equal shares.
   *
   * @param minimumRating the desk's closed-loop minimum rating, 1..5
   * @return the arbitrary
   */
  public static Arbitrary<CallbackResult> callbacks(int minimumRating) {
    return Arbitraries.oneOf(
        satisfiedCallbacks(minimumRating),
        unsatisfiedCallbacks(minimumRating),
        unreachedCallbacks());
  }

  /**
   * Callbacks that close the loop: the customer was reached, confirmed the problem resolved and
   * rated at least {@code minimumRating}; sometimes with scores per dimension.
   *
   * @param minimumRating the desk's closed-loop minimum rating, 1..5
   * @return the arbitrary; every value is {@link CallbackResult#isSatisfactory(int) satisfactory}
   */
  public static Arbitrary<CallbackResult> satisfiedCallbacks(int minimumRating) {
    requireRating(minimumRating);
    return Combinators.combine(
            Arbitraries.integers().between(minimumRating, 5),
            satisfactions().injectNull(0.5),
            comments())
        .as(
            (rating, scores, comment) ->
                scores == null
                    ? CallbackResult.reached(true, rating, comment)
                    : CallbackResult.reached(true, rating, scores, comment));
  }

  /**
   * Callbacks that reached the customer but do not close the loop: the problem persists, or the
   * rating is below {@code minimumRating}.
   *
   * @param minimumRating the desk's closed-loop minimum rating, 1..5
   * @return the arbitrary; no value is {@link CallbackResult#isSatisfactory(int) satisfactory}
   */
  public static Arbitrary<CallbackResult> unsatisfiedCallbacks(int minimumRating) {
    requireRating(minimumRating);
    Arbitrary<CallbackResult> persists =
        Combinators.combine(Arbitraries.integers().between(1, 5), comments())
            .as((rating, comment) -> CallbackResult.reached(false, rating, comment));
    if (minimumRating == 1) {
      return persists;
    }
    Arbitrary<CallbackResult> lowRating =
        Combinators.combine(Arbitraries.integers().between(1, minimumRating - 1), comments())
            .as((rating, comment) -> CallbackResult.reached(true, rating, comment));
    return Arbitraries.oneOf(persists, lowRating);
  }

  /**
   * Callback attempts that did not reach the customer (no answer, wrong number, declined).
   *
   * @return the arbitrary
   */
  public static Arbitrary<CallbackResult> unreachedCallbacks() {
    return Combinators.combine(
            Arbitraries.of(
                CallbackOutcome.NO_ANSWER, CallbackOutcome.WRONG_NUMBER, CallbackOutcome.DECLINED),
            comments())
        .as(CallbackResult::notReached);
  }

  /**
   * Assignments to one of a few agents in one of a few departments.
   *
   * @return the arbitrary
   */
  public static Arbitrary<Assignment> assignments() {
    return Combinators.combine(
            Arbitraries.of("agent-1", "agent-2", "agent-7"),
            Arbitraries.of("售后服务部", "Field service", "Billing"))
        .as(Assignment::of);
  }

  /**
   * Actors of every role, including the ones a guard may refuse ({@link Role#CUSTOMER}, {@link
   * Role#TRAINER}); ids are employee-number-like, never names.
   *
   * @return the arbitrary
   */
  public static Arbitrary<Actor> actors() {
    return Combinators.combine(
            Arbitraries.of("e1001", "e1002", "e2001"), Arbitraries.of(Role.class))
        .as(Actor::of);
  }

  /**
   * Business calendars: a zone, one or two working intervals on weekdays (a morning and sometimes
   * an afternoon), sometimes Saturday mornings, and up to three holidays in 2026-2027.
   *
   * @return the arbitrary; every calendar has working time every week
   */
  public static Arbitrary<BusinessCalendar> businessCalendars() {
    Arbitrary<WorkingInterval> mornings =
        Combinators.combine(
                Arbitraries.integers().between(7, 10), Arbitraries.integers().between(2, 3))
            .as(
                (start, hours) ->
                    new WorkingInterval(LocalTime.of(start, 0), Duration.ofHours(hours)));
    Arbitrary<WorkingInterval> afternoons =
        Combinators.combine(
                Arbitraries.integers().between(13, 14),
                Arbitraries.of(0, 30),
                Arbitraries.integers().between(3, 5))
            .as(
                (hour, minute, hours) ->
                    new WorkingInterval(LocalTime.of(hour, minute), Duration.ofHours(hours)))
            .injectNull(0.3);
    Arbitrary<List<LocalDate>> holidays =
        Arbitraries.integers()
            .between(0, 729)
            .map(day -> LocalDate.of(2026, 1, 1).plusDays(day))
            .list()
            .ofMaxSize(3)
            .uniqueElements();
    return Combinators.combine(
            Arbitraries.of(ZONES), mornings, afternoons, Arbitraries.of(false, true), holidays)
        .as(
            (zone, morning, afternoon, saturdays, offDays) -> {
              BusinessCalendar.Builder builder =
                  BusinessCalendar.builder("generated", ZoneId.of(zone));
              if (afternoon == null) {
                builder.weekdays(morning);
              } else {
                builder.weekdays(morning, afternoon);
              }
              if (saturdays) {
                builder.weekly(DayOfWeek.SATURDAY, morning);
              }
              offDays.forEach(day -> builder.holiday(day, "holiday"));
              return builder.build();
            });
  }

  private static Arbitrary<Satisfaction> satisfactions() {
    Arbitrary<Integer> score = Arbitraries.integers().between(1, 5);
    return Combinators.combine(score, score, score).as(Satisfaction::of);
  }

  private static Arbitrary<String> comments() {
    return Arbitraries.of("", "满意", "师傅很专业", "still waiting for the refund", "👍");
  }

  private static void requireRating(int minimumRating) {
    if (minimumRating < 1 || minimumRating > 5) {
      throw new IllegalArgumentException("minimumRating must be 1..5, was " + minimumRating);
    }
  }
}
