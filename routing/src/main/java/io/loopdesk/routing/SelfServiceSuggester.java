package io.loopdesk.routing;

import java.util.List;

/**
 * Suggests self-service articles for a ticket that is deflected during a surge. A hook: hosts plug
 * in their knowledge base (for example a search over the kb-lucene module's public articles);
 * routing does not depend on any. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface SelfServiceSuggester {
  /** A suggester that never suggests anything. */
  SelfServiceSuggester NONE = (input, limit) -> List.of();

  /**
   * Returns article references (ids or links) for the customer, best first.
   *
   * @param input the ticket's routing facts
   * @param limit the most suggestions wanted
   * @return at most {@code limit} references, none null
   */
  List<String> suggest(RoutingInput input, int limit);
}
