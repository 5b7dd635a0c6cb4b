package io.loopdesk.testkit;

import io.loopdesk.api.ServiceDesk;
import io.loopdesk.api.spi.TicketStore;
import io.loopdesk.core.ClosedLoopPolicy;
import io.loopdesk.core.HistoryChain;
import io.loopdesk.core.Lifecycle;
import io.loopdesk.sla.SlaPolicy;
import io.loopdesk.sla.SlaTracker;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A desk handed to the kit, with what the kit must know to judge it: the lifecycle and closed-loop
 * policy it was built with (the {@link ServiceDesk} interface does not expose them), the history
 * chain, and optionally its store and SLA tracker. Immutable.
 *
 * <pre>{@code
 * DeskUnderTest.builder(ServiceDesks.builder().clock(clock).lifecycle(mine).build())
 *     .lifecycle(mine)
 *     .forbid("only team leads close", (ticket, action, actor) ->
 *         action.equals(TicketAction.CLOSE) && actor.role() != Role.TEAM_LEAD)
 *     .build();
 * }</pre>
 */
public final class DeskUnderTest {
  private final ServiceDesk desk;
  private final Lifecycle lifecycle;
  private final ClosedLoopPolicy closedLoop;
  private final HistoryChain historyChain;
  private final TicketStore store;
  private final SlaTracker slaTracker;
  private final SlaPolicy slaPolicy;
  private final boolean resumeOnCustomerReply;
  private final Map<String, Prohibition> prohibitions;

  private DeskUnderTest(Builder b) {
    this.desk = b.desk;
    this.lifecycle = b.lifecycle;
    this.closedLoop = b.closedLoop;
    this.historyChain = b.historyChain;
    this.store = b.store;
    this.slaTracker = b.slaTracker;
    this.slaPolicy = b.slaPolicy;
    this.resumeOnCustomerReply = b.resumeOnCustomerReply;
    this.prohibitions = Map.copyOf(b.prohibitions);
  }

  /**
   * Returns a builder for a desk with the standard lifecycle, the default closed-loop policy and a
   * SHA-256 history chain, the defaults of {@code ServiceDesks.builder()}.
   *
   * @param desk the desk; it must take time from the clock the {@link DeskFactory} receives
   * @return the builder
   * @throws IllegalArgumentException if the desk is null
   */
  public static Builder builder(ServiceDesk desk) {
    return new Builder(require("desk", desk));
  }

  /** Returns the desk. */
  public ServiceDesk desk() {
    return desk;
  }

  /** Returns the lifecycle the desk was built with. */
  public Lifecycle lifecycle() {
    return lifecycle;
  }

  /** Returns the closed-loop policy the desk was built with. */
  public ClosedLoopPolicy closedLoop() {
    return closedLoop;
  }

  /** Returns the chain the desk stamps events with, or empty if it writes none. */
  public Optional<HistoryChain> historyChain() {
    return Optional.ofNullable(historyChain);
  }

  /**
   * Returns the desk's store, if given: the kit then also runs the {@code TicketHistoryVerifier}.
   */
  public Optional<TicketStore> store() {
    return Optional.ofNullable(store);
  }

  /** Returns the SLA tracker listening to the desk, if given: the kit then checks its clocks. */
  public Optional<SlaTracker> slaTracker() {
    return Optional.ofNullable(slaTracker);
  }

  /**
   * Returns whether the desk resumes a ticket waiting on the customer when the customer replies.
   */
  public boolean resumesOnCustomerReply() {
    return resumeOnCustomerReply;
  }

  /** Returns the policy the SLA tracker was built with, if given. */
  public Optional<SlaPolicy> slaPolicy() {
    return Optional.ofNullable(slaPolicy);
  }

  /** Returns the declared prohibitions by name. */
  public Map<String, Prohibition> prohibitions() {
    return prohibitions;
  }

  private static <T> T require(String field, T value) {
    if (value == null) {
      throw new IllegalArgumentException(field + " must not be null");
    }
    return value;
  }

  /** Builds a {@link DeskUnderTest}; not thread-safe. */
  public static final class Builder {
    private final ServiceDesk desk;
    private Lifecycle lifecycle = Lifecycle.standard();
    private ClosedLoopPolicy closedLoop = ClosedLoopPolicy.DEFAULT;
    private HistoryChain historyChain = HistoryChain.sha256();
    private TicketStore store;
    private SlaTracker slaTracker;
    private SlaPolicy slaPolicy;
    private boolean resumeOnCustomerReply = true;
    private final Map<String, Prohibition> prohibitions = new LinkedHashMap<>();

    private Builder(ServiceDesk desk) {
      this.desk = desk;
    }

    /** Sets the lifecycle the desk was built with (default {@link Lifecycle#standard()}). */
    public Builder lifecycle(Lifecycle value) {
      lifecycle = require("lifecycle", value);
      return this;
    }

    /**
     * Sets the closed-loop policy the desk was built with (default {@link
     * ClosedLoopPolicy#DEFAULT}).
     */
    public Builder closedLoop(ClosedLoopPolicy value) {
      closedLoop = require("closedLoop", value);
      return this;
    }

    /** Sets the history chain the desk was built with (default {@link HistoryChain#sha256()}). */
    public Builder historyChain(HistoryChain value) {
      historyChain = require("historyChain", value);
      return this;
    }

    /**
     * Says the desk was built {@code withoutHistoryChain()}: its events must then carry no chain.
     */
    public Builder withoutHistoryChain() {
      historyChain = null;
      return this;
    }

    /**
     * Sets the desk's store, so that the kit also verifies histories with {@code
     * TicketHistoryVerifier}.
     */
    public Builder store(TicketStore value) {
      store = require("store", value);
      return this;
    }

    /**
     * Sets the SLA tracker registered as the desk's listener; the kit ticks it whenever it advances
     * the clock and checks its clocks after every step.
     */
    public Builder slaTracker(SlaTracker value) {
      slaTracker = require("slaTracker", value);
      return this;
    }

    /**
     * Says whether the desk resumes a ticket waiting on the customer when the customer replies, as
     * {@code ServiceDesks.Builder.resumeOnCustomerReply} was set (default true, as there).
     *
     * @param value whether customer replies resume
     * @return this builder
     */
    public Builder resumeOnCustomerReply(boolean value) {
      resumeOnCustomerReply = value;
      return this;
    }

    /**
     * Sets the SLA tracker registered as the desk's listener and the policy it was built with:
     * besides what {@link #slaTracker(SlaTracker)} checks, every running or paused clock must be
     * paused exactly while the ticket is in a status where its metric pauses (the policy's pausing
     * statuses; waits for agent work and requester wait time; never for next reply), so a tracker
     * that missed a pause or a resume is caught.
     *
     * @param tracker the tracker
     * @param policy the policy it was built with
     * @return this builder
     */
    public Builder slaTracker(SlaTracker tracker, SlaPolicy policy) {
      slaTracker = require("slaTracker", tracker);
      slaPolicy = require("slaPolicy", policy);
      return this;
    }

    /**
     * Declares a command the desk must refuse (what one of its guards is for).
     *
     * @param name a name for reports, unique
     * @param rule matches the commands that must be refused
     * @return this builder
     * @throws IllegalArgumentException if the name is blank or taken, or the rule is null
     */
    public Builder forbid(String name, Prohibition rule) {
      if (name == null || name.isBlank() || prohibitions.containsKey(name)) {
        throw new IllegalArgumentException("a prohibition needs a unique, non-blank name");
      }
      prohibitions.put(name, require("rule", rule));
      return this;
    }

    /** Returns the immutable description. */
    public DeskUnderTest build() {
      return new DeskUnderTest(this);
    }
  }

  @Override
  public String toString() {
    return "DeskUnderTest["
        + desk.getClass().getSimpleName()
        + ", prohibitions="
        + prohibitions.keySet()
        + (slaTracker == null ? "" : ", with SLA tracker")
        + "]";
  }
}
