/**
 * Running the desk: {@link io.loopdesk.operations.ArrivalCounts} counts arrivals per channel and
 * interval from the ticket event trail, {@link io.loopdesk.operations.SeasonalForecaster} forecasts
 * them with a seasonal baseline per day type and time of day, {@link
 * io.loopdesk.operations.ForecastAccuracy} states the error, and {@link
 * io.loopdesk.operations.ErlangC} and {@link io.loopdesk.operations.StaffingPlanner} turn the
 * forecast into the agents needed per interval for a service-level target; {@link
 * io.loopdesk.operations.ErlangA} adds callers who hang up.
 */
package io.loopdesk.operations;
