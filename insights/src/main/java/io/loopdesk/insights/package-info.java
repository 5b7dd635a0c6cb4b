/**
 * Service KPIs computed from the ticket event trail alone: response and handling times,
 * first-contact resolution, satisfaction, SLA attainment, reopen rate, callback completion, backlog
 * and ageing, type distribution, recurring problems and month-over-month trends, per department,
 * agent, channel, category and priority. {@link io.loopdesk.insights.KpiCalculator} is the entry
 * point; {@link io.loopdesk.insights.KpiMeterBinder} publishes to Micrometer when present.
 *
 * <h2 id="glossary">KPI glossary</h2>
 *
 * <p>This is the one definition of every figure the module reports; the other Javadocs of this
 * package point here. The definitions follow the after-sales guide's closed loop, <i>receive &rarr;
 * handle &rarr; call back &rarr; close</i>, and are chosen so that the call-centre handbook's KPI
 * standards can be checked against them: <b>satisfaction &ge; 90 %</b> ({@link
 * io.loopdesk.insights.Kpi#SATISFIED_RATE}), <b>resolution &ge; 80 %</b> ({@link
 * io.loopdesk.insights.Kpi#FIRST_CONTACT_RESOLUTION}), <b>answered within 15 s &ge; 85 %</b> and
 * <b>QA score &ge; 90</b> (both measured elsewhere, see the last two entries). Where a definition
 * had to choose, it takes the stricter reading a demanding service manager would, and says why.
 *
 * <h3 id="counted-tickets">Counted tickets and the report instant</h3>
 *
 * A ticket is counted when its opening event (version 1) is among the events and not after the
 * report instant; its later events up to the report instant are folded in version order. Events and
 * SLA outcomes after the report instant are ignored, and so are events and SLA outcomes of tickets
 * that are not counted. A ticket counts under the latest value of each {@link
 * io.loopdesk.insights.Dimension} and in the month of its opening, in the calculator's zone.
 *
 * <h3 id="tickets">Tickets, resolved, closed</h3>
 *
 * <b>Tickets</b> ({@code TICKETS}): counted tickets (the loop's <i>receive</i>). <b>Resolved</b>:
 * counted tickets with at least one resolution event. <b>Closed</b>: counted tickets whose status
 * at the report instant is {@code CLOSED} (a ticket reopened after closing is not closed).
 *
 * <h3 id="backlog">Backlog</h3>
 *
 * <b>Open</b> ({@code BACKLOG}): counted tickets whose status at the report instant is not {@code
 * CLOSED}. {@code UNREACHABLE} tickets are open: their loop was never closed, and the guide allows
 * no silent close.
 *
 * <h3 id="backlog-ageing">Backlog ageing</h3>
 *
 * An open ticket's age is the time from its opening to the report instant. Each bucket includes its
 * lower bound and excludes its upper bound: under one day {@code [0, 24 h)}, one to three days
 * {@code [24 h, 72 h)}, three to seven days {@code [72 h, 168 h)}, seven days or more {@code [168
 * h, ∞)}. A ticket exactly 7 days old is in the last bucket: the buckets are alarms, and a ticket
 * that has been open a full week is a week old.
 *
 * <h3 id="first-response">First response</h3>
 *
 * ({@code FIRST_RESPONSE_MINUTES}) The time from opening to the first move into {@code IN_PROGRESS}
 * (the first start of work, the loop's <i>handle</i>), averaged over counted tickets whose work has
 * started. It is not the telephone answer time: see the handbook's 15-second standard below.
 *
 * <h3 id="handling-time">Handling time</h3>
 *
 * ({@code HANDLING_MINUTES}) The total time a ticket spent in {@code IN_PROGRESS}, over every
 * period: waits ({@code WAITING_ON_CUSTOMER}, {@code WAITING_ON_THIRD_PARTY}) are left out,
 * administrative changes while in progress (escalation, priority or deadline changes) do not
 * interrupt it, periods after a reopen count, and a period still open at the report instant counts
 * up to it. Averaged over tickets resolved at least once. Rework after a reopen is handling like
 * any other; leaving the current period out would understate exactly the tickets that went wrong.
 *
 * <h3 id="first-contact-resolution">First-contact resolution</h3>
 *
 * ({@code FIRST_CONTACT_RESOLUTION}) Among closed tickets, the share that had <b>exactly one
 * assignment event</b> and were <b>never reopened</b> (neither by a reopen nor by a callback that
 * reopened the ticket). A second assignment is a transfer even when it names the same agent again;
 * a ticket never assigned does not count, because no agent owned it in the trail. Escalation,
 * priority and deadline changes do not disqualify a ticket: its assignee keeps the work. Handbook
 * standard: resolution &ge; 80 %.
 *
 * <h3 id="satisfaction">Satisfaction</h3>
 *
 * Every callback that <b>reached the customer and got feedback</b> (outcome {@code REACHED})
 * contributes its 1..5 rating; a ticket called back twice contributes twice. <b>CSAT average</b>
 * ({@code CSAT_AVERAGE}) is the mean rating; <b>satisfied rate</b> ({@code SATISFIED_RATE}) the
 * share of ratings that are 4 or 5. Handbook standard: satisfaction &ge; 90 % (satisfied rate).
 *
 * <h3 id="callback-completion">Callback completion</h3>
 *
 * ({@code CALLBACK_COMPLETION}) Among tickets resolved at least once, the share with at least one
 * callback whose outcome is {@code REACHED}, whatever the rating or whether the customer confirmed
 * the resolution. {@code NO_ANSWER}, {@code WRONG_NUMBER} and {@code DECLINED} ("reached but
 * declined") are attempts, not completed callbacks: the loop's <i>call back</i> step exists to get
 * the customer's feedback so the ticket can <i>close</i>, and a declined callback gives none.
 *
 * <h3 id="reopen-rate">Reopen rate</h3>
 *
 * ({@code REOPEN_RATE}) Among tickets resolved at least once, the share reopened at least once, by
 * a reopen or by a callback that reopened the ticket.
 *
 * <h3 id="resolution-sla">Resolution SLA attainment</h3>
 *
 * ({@code RESOLUTION_SLA_ATTAINMENT}) Among tickets whose first resolution happened while they had
 * a deadline, the share whose first resolution was at or before the deadline in force at that
 * moment (a resolution exactly at the deadline is on time). Later resolutions after a reopen do not
 * change it.
 *
 * <h3 id="sla-attainment-by-target">SLA attainment by target</h3>
 *
 * Per target name, among counted tickets with an {@link io.loopdesk.insights.SlaOutcome} for it up
 * to the report instant, the share whose latest outcome is attained (met in time). {@link
 * io.loopdesk.insights.KpiReport#slaResultsByTarget()} splits the same tickets into <b>met</b>,
 * <b>met late</b> (met after the target was breached) and <b>breached</b> (exceeded and not met by
 * the report instant), by their latest outcome.
 *
 * <h3 id="ola-attainment">OLA attainment by team</h3>
 *
 * An SLA module reports a team's operational level agreement (OLA) as outcomes of the target {@code
 * OLA:<team>} (the SLA module's {@code SlaEvent.targetName()}), next to the customer-facing
 * targets. {@link io.loopdesk.insights.KpiReport#olaResultsByTeam()} and {@link
 * io.loopdesk.insights.KpiReport#olaAttainmentByTeam()} are those targets' <a
 * href="#sla-attainment-by-target">met, met late and breached</a> counts and attainment, keyed by
 * the team. A ticket counts once per team, by its latest outcome for that team (a ticket that comes
 * back to a team counts with the outcome of its last stay).
 *
 * <h3 id="communications">Communications</h3>
 *
 * In the counted tickets' trails up to the report instant, whatever the channel: <b>agent
 * replies</b> ({@code AGENT_REPLIES}) sent to the customer, <b>customer replies</b> ({@code
 * CUSTOMER_REPLIES}) recorded, and <b>internal notes</b> ({@code INTERNAL_NOTES}) written; <b>agent
 * replies per ticket</b> ({@code AGENT_REPLIES_PER_TICKET}) is agent replies divided by tickets. A
 * customer reply that resumed a waiting ticket counts once, as a reply. The <a
 * href="#first-response">first response</a> KPI still measures the start of work; an SLA module's
 * {@code FIRST_RESPONSE} outcomes also count an agent reply as a response.
 *
 * <h3 id="precision">Precision</h3>
 *
 * Durations are summed exactly (no overflow for any realistic volume); a mean is the exact sum
 * divided by the count, truncated toward zero to the nanosecond. {@link io.loopdesk.insights.Kpi}
 * gives durations in minutes as a {@code double}. Rates are fractions in [0, 1]; a value is empty
 * when its slice has nothing to measure it on.
 *
 * <h3 id="measured-elsewhere">Measured elsewhere</h3>
 *
 * <b>Answered within 15 s &ge; 85 %</b> is a telephony service level: the ticket trail does not see
 * a call ringing, so the call system measures it; an SLA module's {@code FIRST_RESPONSE} outcomes,
 * given to the calculator, show how work started against its target. <b>QA score &ge; 90</b> is the
 * mean of {@code loopdesk-quality} scorecard totals (attitude, knowledge, compliance, 0..100); that
 * module's pass mark of 80 is a different line, the one below which a single review counts towards
 * retraining.
 */
package io.loopdesk.insights;
