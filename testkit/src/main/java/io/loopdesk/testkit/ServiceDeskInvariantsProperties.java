package io.loopdesk.testkit;

import io.loopdesk.core.ManualClock;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.ActionChain;

/**
 * The kit as one base class: extend it in your tests, implement {@link #deskUnderTest}, and jqwik
 * runs random command sequences against your desk, checking every {@link Invariant} after every
 * step. Raise the tries with a property of your own that calls {@link LoopdeskProperties}.
 *
 * <pre>{@code
 * class MyDeskInvariantsProperties extends ServiceDeskInvariantsProperties {
 *   @Override
 *   protected DeskUnderTest deskUnderTest(ManualClock clock) {
 *     return DeskUnderTest.builder(ServiceDesks.builder().clock(clock).build()).build();
 *   }
 * }
 * }</pre>
 */
public abstract class ServiceDeskInvariantsProperties {
  /** For subclasses. */
  protected ServiceDeskInvariantsProperties() {}

  /**
   * Builds a fresh desk for one command sequence.
   *
   * @param clock the clock the desk must read; the kit moves it
   * @return the desk and what the kit must know about it
   */
  protected abstract DeskUnderTest deskUnderTest(ManualClock clock);

  /**
   * The longest command sequence; override to search deeper or run faster.
   *
   * @return the maximum number of commands, default {@value
   *     LoopdeskProperties#DEFAULT_MAX_COMMANDS}
   */
  protected int maxCommands() {
    return LoopdeskProperties.DEFAULT_MAX_COMMANDS;
  }

  /**
   * Runs one generated sequence; jqwik shrinks a failing one.
   *
   * @param commands the sequence
   */
  @Property(tries = 100)
  public void everyCommandSequenceKeepsLoopdeskInvariants(
      @ForAll("loopdeskCommandSequences") ActionChain<DeskModel> commands) {
    commands.run();
  }

  /**
   * Provides the sequences.
   *
   * @return the arbitrary
   */
  @Provide
  public Arbitrary<ActionChain<DeskModel>> loopdeskCommandSequences() {
    return LoopdeskProperties.commandSequences(this::deskUnderTest, maxCommands());
  }
}
