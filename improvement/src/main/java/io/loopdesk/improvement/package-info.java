/**
 * Improvement plans: the "analyse and improve" end of the service loop. A plan links the feedback
 * tickets it answers, states root cause, target and measures, is owned by a department and a
 * person, is broken into tasks, can be delayed only by a timely, approved delay request, and once
 * done can be published to the knowledge base as an improvement case. {@link
 * io.loopdesk.improvement.ImprovementPlans} is the thread-safe service.
 */
package io.loopdesk.improvement;
