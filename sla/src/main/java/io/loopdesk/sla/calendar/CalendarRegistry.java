package io.loopdesk.sla.calendar;

import io.loopdesk.sla.calendar.CalendarDefinitionException.Problem;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable, thread-safe set of calendars by name, so that SLA policies can refer to calendars such as
 * {@code 24x7} or {@code business-hours}. The {@code 24x7} UTC calendar is always present unless replaced.
 */
public final class CalendarRegistry {

    private final Map<String, BusinessCalendar> calendars;

    private CalendarRegistry(Map<String, BusinessCalendar> calendars) {
        this.calendars = Map.copyOf(calendars);
    }

    /** A builder, pre-filled with the {@code 24x7} calendar. */
    public static Builder builder() {
        return new Builder();
    }

    /** A registry holding the given calendars plus {@code 24x7} unless one of them has that name. */
    public static CalendarRegistry of(BusinessCalendar... calendars) {
        Builder builder = builder();
        for (BusinessCalendar calendar : calendars) {
            builder.add(calendar);
        }
        return builder.build();
    }

    /**
     * The calendar with the given name.
     *
     * @throws CalendarDefinitionException {@code UNKNOWN_OR_DUPLICATE_NAME} when there is none
     */
    public BusinessCalendar get(String name) {
        BusinessCalendar calendar = name == null ? null : calendars.get(name);
        if (calendar == null) {
            throw new CalendarDefinitionException(Problem.UNKNOWN_OR_DUPLICATE_NAME, "calendar", name,
                    "no calendar with this name; known: " + calendars.keySet());
        }
        return calendar;
    }

    /** The calendar with the given name, if present. */
    public Optional<BusinessCalendar> find(String name) {
        return Optional.ofNullable(name == null ? null : calendars.get(name));
    }

    /** The registered names. */
    public Set<String> names() {
        return calendars.keySet();
    }

    /** Collects calendars; a name may be added once (besides replacing the default {@code 24x7}). Not thread-safe. */
    public static final class Builder {
        private final Map<String, BusinessCalendar> calendars = new LinkedHashMap<>();
        private boolean defaultRoundTheClock = true;

        private Builder() {
            calendars.put("24x7", BusinessCalendar.twentyFourSeven());
        }

        /**
         * Adds a calendar.
         *
         * @throws CalendarDefinitionException {@code UNKNOWN_OR_DUPLICATE_NAME} when the name is taken
         */
        public Builder add(BusinessCalendar calendar) {
            if (calendar == null) {
                throw new CalendarDefinitionException(Problem.MISSING_VALUE, "calendar", null, "calendar is null");
            }
            boolean replacesDefault = calendar.name().equals("24x7") && defaultRoundTheClock;
            if (calendars.containsKey(calendar.name()) && !replacesDefault) {
                throw new CalendarDefinitionException(Problem.UNKNOWN_OR_DUPLICATE_NAME, "name", calendar.name(),
                        "a calendar with this name was already added");
            }
            if (replacesDefault) {
                defaultRoundTheClock = false;
            }
            calendars.put(calendar.name(), calendar);
            return this;
        }

        /** Builds the registry. */
        public CalendarRegistry build() {
            return new CalendarRegistry(calendars);
        }
    }
}
