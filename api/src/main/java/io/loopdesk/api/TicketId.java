package io.loopdesk.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/**
 * Identifies a ticket. Any printable text of 1 to 64 characters without white space, so that a host
 * system's own ticket numbers can be used.
 *
 * @param value the id text
 */
public record TicketId(@JsonValue String value) {
  private static final Pattern PRINTABLE = Pattern.compile("[\\p{L}\\p{N}\\p{P}\\p{S}]{1,64}");

  /** Validates the id; see {@link #of(String)}. */
  public TicketId {
    Checks.notBlank("ticketId", value);
    if (!PRINTABLE.matcher(value).matches()) {
      throw new ValidationException(
          "ticketId", value, "must be 1 to 64 printable characters without white space");
    }
  }

  /**
   * Returns the id with the given text.
   *
   * @param value 1 to 64 printable characters without white space
   * @return the id
   * @throws ValidationException if the text is null, blank, too long or contains white space
   */
  @JsonCreator
  public static TicketId of(String value) {
    return new TicketId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
