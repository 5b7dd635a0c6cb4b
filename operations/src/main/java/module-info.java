/** Running the desk: arrival forecasts, Erlang staffing and queue figures. */
module io.loopdesk.operations {
  requires transitive io.loopdesk.api;

  exports io.loopdesk.operations;
}
