/** jqwik arbitraries and a stateful model that test any {@code ServiceDesk} an embedder builds. */
module io.loopdesk.testkit {
  requires transitive io.loopdesk.api;
  requires transitive net.jqwik.api;
  requires io.loopdesk.core;
  requires io.loopdesk.sla;

  exports io.loopdesk.testkit;

  // jqwik calls the providers and actions reflectively
  opens io.loopdesk.testkit;
}
