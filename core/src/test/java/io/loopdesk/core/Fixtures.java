package io.loopdesk.core;

import io.loopdesk.api.Actor;
import io.loopdesk.api.CallbackOutcome;
import io.loopdesk.api.CallbackResult;
import io.loopdesk.api.Category;
import io.loopdesk.api.Channel;
import io.loopdesk.api.Classification;
import io.loopdesk.api.Customer;
import io.loopdesk.api.CustomerTier;
import io.loopdesk.api.IdDocument;
import io.loopdesk.api.Level;
import io.loopdesk.api.NewTicket;
import io.loopdesk.api.PersonalDataForm;
import io.loopdesk.api.Role;
import io.loopdesk.store.tck.Samples;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Random inputs for property tests: realistic, multilingual and occasionally hostile. */
final class Fixtures {
  static final Actor AGENT = Actor.of("agent-007", Role.AGENT);
  static final Actor LEAD = Actor.of("lead-01", Role.TEAM_LEAD);
  static final Actor CUSTOMER_SELF = Actor.of("customer-portal", Role.CUSTOMER);

  private static final List<Channel> CHANNELS =
      List.of(
          Channel.PHONE,
          Channel.ONLINE_CHAT,
          Channel.EMAIL,
          Channel.APP,
          Channel.SOCIAL_MEDIA,
          Channel.PAPER_FORM,
          Channel.ON_SITE,
          Channel.of("WECOM"));
  static final List<Category> CATEGORIES =
      List.of(
          Category.PRODUCT_FAULT,
          Category.SERVICE_EXPERIENCE,
          Category.SUGGESTION,
          Category.COMPLAINT,
          Category.CONSULTATION,
          Category.of("BILLING"));

  private Fixtures() {}

  /** Free text: Chinese, English, emoji, quotes and markup that a store must keep verbatim. */
  static Arbitrary<String> text() {
    Arbitrary<String> words =
        Arbitraries.of(
            "电池",
            "无法充电",
            "安装师傅迟到",
            "退货",
            "三包",
            "battery",
            "won't charge",
            "refund",
            "😡",
            "👍",
            "'; DROP TABLE tickets; --",
            "<script>alert(1)</script>",
            "\"quoted\"",
            "line\nbreak",
            "tab\there");
    return words.list().ofMinSize(1).ofMaxSize(12).map(l -> String.join(" ", l));
  }

  /** Customers in clear form, with addresses and identity documents, as a ticket is opened with. */
  static Arbitrary<Customer> customers() {
    Arbitrary<String> ids = Arbitraries.integers().between(1, 5).map(i -> "C-" + i);
    Arbitrary<String> names =
        Arbitraries.of("张三", "李小龙", "王芳", "Alice Smith", "Bob", "Ölaf Ünal", "🙂 Joy");
    Arbitrary<String> phones =
        Arbitraries.strings().numeric().ofLength(8).map(d -> "13" + d + "5").injectNull(0.2);
    Arbitrary<String> emails =
        Arbitraries.of("alice@example.com", "zhang.san@example.cn").injectNull(0.3);
    Arbitrary<String> addresses = Arbitraries.of(Samples.ADDRESSES).injectNull(0.3);
    Arbitrary<List<IdDocument>> documents =
        Arbitraries.longs().map(seed -> Samples.idDocuments(new Random(seed)));
    Arbitrary<CustomerTier> tiers = Arbitraries.of(CustomerTier.class);
    return Combinators.combine(ids, names, phones, emails, addresses, documents, tiers)
        .as(
            (id, name, phone, email, address, docs, tier) ->
                Customer.builder(id)
                    .name(name)
                    .phone(phone == null && email == null ? "13800001111" : phone)
                    .email(email)
                    .address(address)
                    .idDocuments(docs)
                    .tier(tier)
                    .build());
  }

  /** Customers in clear, masked and sealed form. */
  static Arbitrary<Customer> customersInEveryForm() {
    return Combinators.combine(
            customers(), Arbitraries.of(PersonalDataForm.class), Arbitraries.longs())
        .as(
            (c, form, seed) ->
                switch (form) {
                  case CLEAR -> c;
                  case MASKED -> c.masked();
                  case SEALED ->
                      Samples.sealedCustomer(new Random(seed), c.customerId()).withTier(c.tier());
                });
  }

  static Arbitrary<NewTicket> newTickets() {
    return Combinators.combine(
            Arbitraries.of(CHANNELS),
            customers(),
            Arbitraries.of("X9 phone", "空调 KFR-35", "Router R2"),
            text(),
            text().injectNull(0.3),
            text().injectNull(0.3))
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

  static Arbitrary<Classification> classifications() {
    Arbitrary<Level> levels = Arbitraries.of(Level.class);
    return Combinators.combine(Arbitraries.of(CATEGORIES), levels, levels, levels)
        .as(Classification::of);
  }

  static Arbitrary<CallbackResult> callbackResults() {
    Arbitrary<Integer> score = Arbitraries.integers().between(1, 5);
    Arbitrary<io.loopdesk.api.Satisfaction> scores =
        Combinators.combine(score, score, score)
            .as(io.loopdesk.api.Satisfaction::of)
            .injectNull(0.4);
    Arbitrary<CallbackResult> reached =
        Combinators.combine(Arbitraries.of(true, false), score, scores, text())
            .as(
                (resolved, rating, satisfaction, comment) ->
                    satisfaction == null
                        ? CallbackResult.reached(resolved, rating, comment)
                        : CallbackResult.reached(resolved, rating, satisfaction, comment));
    Arbitrary<CallbackResult> notReached =
        Arbitraries.of(
                CallbackOutcome.NO_ANSWER, CallbackOutcome.WRONG_NUMBER, CallbackOutcome.DECLINED)
            .map(o -> CallbackResult.notReached(o, ""));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, reached), net.jqwik.api.Tuple.of(1, notReached));
  }
}
