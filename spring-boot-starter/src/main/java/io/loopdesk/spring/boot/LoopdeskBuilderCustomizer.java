package io.loopdesk.spring.boot;

import io.loopdesk.desk.Loopdesk;

/**
 * Adjusts the {@link Loopdesk.Builder} the starter prepares, after the desk definition from the
 * properties has been applied and before the desk is built: add ticket or SLA listeners, a
 * knowledge base, an escalation notifier, agents. Declare one or more as beans; they run in
 * {@code @Order}.
 */
@FunctionalInterface
public interface LoopdeskBuilderCustomizer {

  /**
   * Adjusts the builder.
   *
   * @param builder the builder, with the clock, store and definition already set
   */
  void customize(Loopdesk.Builder builder);
}
