package io.loopdesk.examples.simulation;

import io.loopdesk.improvement.ImprovementPlan;
import io.loopdesk.insights.KpiReport;
import io.loopdesk.quality.SampledTicket;
import java.time.Instant;
import java.util.List;

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
    long events) {}
