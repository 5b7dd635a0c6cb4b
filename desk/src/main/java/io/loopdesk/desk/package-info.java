/**
 * One entry point to a whole Loopdesk desk: {@link io.loopdesk.desk.Loopdesk#builder()} wires the
 * store, calendars (with mainland China's holidays by one call), SLA tracker and monitor,
 * escalation, routing, access and an optional knowledge base; {@link
 * io.loopdesk.desk.DeskDefinition} describes the same desk in one YAML or JSON document, a map or a
 * tree.
 */
package io.loopdesk.desk;
