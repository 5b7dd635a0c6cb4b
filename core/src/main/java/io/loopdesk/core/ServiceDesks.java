package io.loopdesk.core;

import io.loopdesk.api.DeadlinePolicy;
import io.loopdesk.api.PriorityModel;
import io.loopdesk.api.ServiceDesk;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketListener;
import io.loopdesk.api.ValidationException;
import io.loopdesk.api.spi.TicketStore;
import io.loopdesk.core.internal.DefaultServiceDesk;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Creates {@link ServiceDesk} instances.
 *
 * <pre>{@code
 * ServiceDesk desk = ServiceDesks.builder()
 *     .clock(clock)                        // business time always comes from here
 *     .store(new InMemoryTicketStore())    // the default
 *     .closedLoop(new ClosedLoopPolicy(4, 3, UnreachablePolicy.MARK_UNREACHABLE))
 *     .listener((event, ticket) -> audit.publish(event))
 *     .build();
 * }</pre>
 */
public final class ServiceDesks {
  private ServiceDesks() {}

  /** Returns a builder with the standard lifecycle, policy and priority model, in memory. */
  public static Builder builder() {
    return new Builder();
  }

  /** Configures a {@link ServiceDesk}; not thread-safe, the built desk is. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private TicketStore store;
    private Lifecycle lifecycle = Lifecycle.standard();
    private ClosedLoopPolicy closedLoop = ClosedLoopPolicy.standard();
    private PriorityModel priorityModel = MatrixPriorityModel.standard();
    private DeadlinePolicy deadlinePolicy = DeadlinePolicy.NONE;
    private Supplier<TicketId> idGenerator = () -> TicketId.of("T-" + UUID.randomUUID());
    private final List<TicketListener> listeners = new ArrayList<>();
    private HistoryChain historyChain = HistoryChain.sha256();
    private boolean resumeOnCustomerReply = true;

    private Builder() {}

    /** Sets the clock that stamps every event (default: the UTC system clock). */
    public Builder clock(Clock value) {
      clock = require("clock", value);
      return this;
    }

    /** Sets the store (default: a new {@link InMemoryTicketStore}). */
    public Builder store(TicketStore value) {
      store = require("store", value);
      return this;
    }

    /** Sets the lifecycle (default: {@link Lifecycle#standard()}). */
    public Builder lifecycle(Lifecycle value) {
      lifecycle = require("lifecycle", value);
      return this;
    }

    /** Sets the closed-loop policy (default: {@link ClosedLoopPolicy#standard()}). */
    public Builder closedLoop(ClosedLoopPolicy value) {
      closedLoop = require("closedLoop", value);
      return this;
    }

    /** Sets the priority model (default: {@link MatrixPriorityModel#standard()}). */
    public Builder priorityModel(PriorityModel value) {
      priorityModel = require("priorityModel", value);
      return this;
    }

    /** Sets the resolution deadline policy (default: none). */
    public Builder deadlinePolicy(DeadlinePolicy value) {
      deadlinePolicy = require("deadlinePolicy", value);
      return this;
    }

    /** Sets how ids are generated for tickets opened without one (default: random UUIDs). */
    public Builder idGenerator(Supplier<TicketId> value) {
      idGenerator = require("idGenerator", value);
      return this;
    }

    /** Adds a listener called after every accepted command. */
    public Builder listener(TicketListener value) {
      listeners.add(require("listener", value));
      return this;
    }

    /**
     * Sets how each new event is chained to the one before (default: {@link
     * HistoryChain#sha256()}). Give {@link HistoryChain#hmacSha256(byte[])} with a host key kept
     * outside the database to stop forgers who can write to it; verify with a {@link
     * TicketHistoryVerifier} using the same chain.
     */
    public Builder historyChain(HistoryChain value) {
      historyChain = require("historyChain", value);
      return this;
    }

    /**
     * Writes events without a history chain, as before chaining existed: saves the hashing cost
     * (see core's BENCHMARKS.md), but {@link TicketHistoryVerifier} then cannot protect the
     * tickets' histories, and events written meanwhile are reported as unchained.
     */
    public Builder withoutHistoryChain() {
      historyChain = null;
      return this;
    }

    /**
     * Sets whether a customer's reply resumes a ticket waiting on the customer (default true). The
     * resume follows the lifecycle: it happens only where {@code RESUME} is allowed and its guards
     * pass, and it voids a confirming callback like any other work. With false, a reply is recorded
     * and the ticket keeps waiting until someone resumes it.
     *
     * @param value true to resume on customer replies
     * @return this builder
     */
    public Builder resumeOnCustomerReply(boolean value) {
      resumeOnCustomerReply = value;
      return this;
    }

    /** Returns the thread-safe desk. */
    public ServiceDesk build() {
      return new DefaultServiceDesk(
          clock,
          store == null ? new InMemoryTicketStore() : store,
          lifecycle,
          closedLoop,
          priorityModel,
          deadlinePolicy,
          idGenerator,
          listeners,
          historyChain,
          resumeOnCustomerReply);
    }

    private static <T> T require(String field, T value) {
      if (value == null) {
        throw new ValidationException(field, null, "must not be null");
      }
      return value;
    }
  }
}
