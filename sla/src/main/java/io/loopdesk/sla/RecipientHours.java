package io.loopdesk.sla;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Whether escalations that page a person (the team lead for {@link
 * EscalationAction.Kind#NOTIFY_TEAM_LEAD}, the supervisor for {@link
 * EscalationAction.Kind#REASSIGN_TO_SUPERVISOR}) wait for that person's working hours. Immutable
 * and thread-safe. Part of an {@link EscalationPolicy}; there is no silent default: the policy's
 * builder starts from {@link EscalationPolicy#DEFAULT_RECIPIENT_HOURS} ({@link #PAGE_ANYWAY}), and
 * {@link EscalationPolicy.Builder#recipientHours} states the choice.
 *
 * <p>With {@link Mode#HOLD_UNTIL_OPEN}, an action whose SLA event happened while the recipient's
 * calendar was closed (03:00, a public holiday) is held and carried out at the calendar's next
 * working instant, unless the target that caused it runs round the clock (its calendar is open all
 * the time, e.g. {@code 24x7}): such targets page at once. {@link
 * EscalationAction.Kind#RAISE_PRIORITY} pages nobody and is never held. A held action is carried
 * out even if the clock was met meanwhile (the recipient should still learn of the breach), and not
 * for a ticket the tracker forgot. The tracker records {@code ESCALATION_HELD} in the ticket's
 * audit trail with the release instant.
 *
 * @param mode page at once, or hold until the recipient's calendar opens
 * @param calendars the recipient's calendar per action kind (registry names); empty with {@link
 *     Mode#PAGE_ANYWAY}
 */
public record RecipientHours(Mode mode, Map<EscalationAction.Kind, String> calendars) {

  /**
   * Every escalation pages at once, whatever the hour (Loopdesk's behaviour before recipient hours
   * existed).
   */
  public static final RecipientHours PAGE_ANYWAY = new RecipientHours(Mode.PAGE_ANYWAY, Map.of());

  /** What happens to an escalation that pages a person whose calendar is closed. */
  public enum Mode {
    /** Page at once, whatever the recipient's hours. */
    PAGE_ANYWAY,
    /** Hold until the recipient's calendar opens, unless the target runs round the clock. */
    HOLD_UNTIL_OPEN
  }

  /**
   * Validates the settings.
   *
   * @throws SlaPolicyException when the mode is null, a hold has no calendar for either paging
   *     kind, a calendar is given for {@code RAISE_PRIORITY} or for the page-anyway mode, or a name
   *     is blank
   */
  public RecipientHours {
    if (mode == null) {
      throw new SlaPolicyException(
          "recipientHours.mode", null, "choose PAGE_ANYWAY or HOLD_UNTIL_OPEN");
    }
    calendars = calendars == null ? Map.of() : Map.copyOf(calendars);
    if (mode == Mode.PAGE_ANYWAY && !calendars.isEmpty()) {
      throw new SlaPolicyException(
          "recipientHours.calendars", calendars.keySet(), "PAGE_ANYWAY uses no calendar");
    }
    if (mode == Mode.HOLD_UNTIL_OPEN && calendars.isEmpty()) {
      throw new SlaPolicyException(
          "recipientHours.calendars", null, "HOLD_UNTIL_OPEN needs the recipients' calendar");
    }
    calendars.forEach(
        (kind, name) -> {
          if (kind == EscalationAction.Kind.RAISE_PRIORITY) {
            throw new SlaPolicyException(
                "recipientHours.calendars." + kind, name, "raising the priority pages nobody");
          }
          if (name.isBlank()) {
            throw new SlaPolicyException(
                "recipientHours.calendars." + kind, name, "a calendar name is required");
          }
        });
  }

  /**
   * Holds the team lead's and the supervisor's escalations until the named calendar opens.
   *
   * @throws SlaPolicyException when the name is null or blank
   */
  public static RecipientHours holdUntilOpen(String calendarName) {
    if (calendarName == null) {
      throw new SlaPolicyException("recipientHours.calendars", null, "a calendar name is required");
    }
    Map<EscalationAction.Kind, String> calendars = new EnumMap<>(EscalationAction.Kind.class);
    calendars.put(EscalationAction.Kind.NOTIFY_TEAM_LEAD, calendarName);
    calendars.put(EscalationAction.Kind.REASSIGN_TO_SUPERVISOR, calendarName);
    return new RecipientHours(Mode.HOLD_UNTIL_OPEN, calendars);
  }

  /**
   * These settings with another calendar for one paging kind (e.g. a supervisor on another shift).
   */
  public RecipientHours withCalendar(EscalationAction.Kind kind, String calendarName) {
    if (kind == null || calendarName == null) {
      throw new SlaPolicyException(
          "recipientHours.calendars", null, "a kind and a calendar name are required");
    }
    Map<EscalationAction.Kind, String> copy = new EnumMap<>(EscalationAction.Kind.class);
    copy.putAll(calendars);
    copy.put(kind, calendarName);
    return new RecipientHours(Mode.HOLD_UNTIL_OPEN, copy);
  }

  /** The calendar whose hours an action of {@code kind} waits for; empty when it pages at once. */
  public Optional<String> calendarOf(EscalationAction.Kind kind) {
    return Optional.ofNullable(calendars.get(kind));
  }
}
