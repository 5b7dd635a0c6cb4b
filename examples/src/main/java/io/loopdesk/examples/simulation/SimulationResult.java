package io.loopdesk.examples.simulation;

import io.loopdesk.improvement.ImprovementPlan;
import io.loopdesk.insights.KpiReport;
import io.loopdesk.insights.SlaResultCounts;
import io.loopdesk.quality.SampledTicket;
import io.loopdesk.quality.Scorecard;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything a simulation run produced, ready for the report writer.
 *
 * @param options the options of the run
 * @param start first simulated instant
 * @param end last simulated instant
 * @param days one point per simulated day
 * @param kpis the KPI report over all events of the run
 * @param qaSample the tickets drawn for quality review
 * @param improvementPlan the plan opened for the most frequent problem
 * @param escalations escalation steps and SLA escalation actions taken
 * @param events events recorded by the desk
 * @param intervals the staffed half hours: the Erlang C plan against what happened
 * @param daily the handbook's standards per day
 * @param weekly the handbook's standards per week (weeks start on Monday)
 * @param slaByTargetAndPriority met, met late and breached per SLA target and priority
 * @param agents every agent against the standards
 * @param improvementPlans the plans opened for the recurring problems, most frequent problem first
 * @param scorecards the QA reviews of the sampled tickets
 * @param surge what the surge plan did, or null without {@code --surge}
 */
public record SimulationResult(
    SimulationOptions options,
    Instant start,
    Instant end,
    List<DayPoint> days,
    KpiReport kpis,
    List<SampledTicket> qaSample,
    ImprovementPlan improvementPlan,
    int escalations,
    long events,
    List<IntervalPoint> intervals,
    List<Standards> daily,
    List<Standards> weekly,
    Map<String, Map<String, SlaResultCounts>> slaByTargetAndPriority,
    List<AgentStanding> agents,
    List<ImprovementPlan> improvementPlans,
    List<Scorecard> scorecards,
    SurgeDay surge) {}
