/**
 * Service KPIs computed from the ticket event trail alone: response and handling times,
 * first-contact resolution, satisfaction, SLA attainment, reopen rate, callback completion,
 * backlog and ageing, type distribution, recurring problems and month-over-month trends, per
 * department, agent, channel, category and priority. {@link io.loopdesk.insights.KpiCalculator} is
 * the entry point; {@link io.loopdesk.insights.KpiMeterBinder} publishes to Micrometer when present.
 */
package io.loopdesk.insights;
