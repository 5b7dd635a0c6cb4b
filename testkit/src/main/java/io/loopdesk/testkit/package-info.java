/**
 * Test support for hosts that embed Loopdesk: jqwik arbitraries for valid domain values ({@link
 * io.loopdesk.testkit.LoopdeskArbitraries}) and a stateful model that drives any {@link
 * io.loopdesk.api.ServiceDesk} with random command sequences and checks the library's invariants
 * after every step ({@link io.loopdesk.testkit.LoopdeskProperties}, {@link
 * io.loopdesk.testkit.ServiceDeskInvariantsProperties}).
 */
package io.loopdesk.testkit;
