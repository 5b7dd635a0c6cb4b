package io.loopdesk.examples.simulation;

import java.time.LocalDateTime;

/**
 * One staffed half hour of the simulation: what the Erlang C plan expected and what happened.
 * Contacts count in the half hour they arrived in.
 *
 * @param start the half hour's local start
 * @param forecastArrivals the arrivals the plan was made for
 * @param arrivals the contacts that arrived
 * @param agentsOnDuty the agents of the plan on duty (standby and partner agents not included)
 * @param predictedServiceLevel Erlang C's share answered within the answer target with these agents
 *     and the forecast arrivals (0 when the agents cannot keep up)
 * @param answered the contacts of this half hour that were answered
 * @param answeredInTime those answered within the answer target
 * @param surge whether the desk was in surge at the half hour's start
 */
public record IntervalPoint(
    LocalDateTime start,
    double forecastArrivals,
    int arrivals,
    int agentsOnDuty,
    double predictedServiceLevel,
    int answered,
    int answeredInTime,
    boolean surge) {

  /** Returns the measured share answered in time, or NaN when nothing was answered. */
  public double measuredServiceLevel() {
    return answered == 0 ? Double.NaN : (double) answeredInTime / answered;
  }
}
