package io.loopdesk.insights;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * KPI values for one slice of tickets. Rates are fractions in [0, 1]; a value is empty when the
 * slice has nothing to measure it on (for example no callbacks yet).
 *
 * @param tickets tickets opened in the slice
 * @param resolved tickets resolved at least once
 * @param closed tickets closed
 * @param open tickets not closed at the report instant (the backlog)
 * @param averageFirstResponse mean time from opening to the first start of work
 * @param averageHandling mean time a resolved ticket spent in progress (waits excluded)
 * @param firstContactResolutionRate closed tickets never reopened nor reassigned, per closed ticket
 * @param csatAverage mean callback rating (1..5) over callbacks that reached the customer
 * @param satisfiedRate share of those ratings that are 4 or 5
 * @param resolutionSlaAttainment share of first resolutions with a deadline made on time
 * @param reopenRate share of resolved tickets that were reopened at least once
 * @param callbackCompletionRate share of resolved tickets with a callback that reached the customer
 */
public record KpiValues(
    long tickets,
    long resolved,
    long closed,
    long open,
    Optional<Duration> averageFirstResponse,
    Optional<Duration> averageHandling,
    OptionalDouble firstContactResolutionRate,
    OptionalDouble csatAverage,
    OptionalDouble satisfiedRate,
    OptionalDouble resolutionSlaAttainment,
    OptionalDouble reopenRate,
    OptionalDouble callbackCompletionRate) {}
