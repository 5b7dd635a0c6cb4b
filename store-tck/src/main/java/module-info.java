/** The conformance test kit every {@code TicketStore} implementation runs. */
module io.loopdesk.store.tck {
  requires transitive io.loopdesk.api;
  requires transitive org.junit.jupiter.api;
  requires transitive net.jqwik.api;
  requires org.assertj.core;

  exports io.loopdesk.store.tck;

  // JUnit and jqwik instantiate the abstract test classes' subclasses and call their methods
  // reflectively
  opens io.loopdesk.store.tck;
}
