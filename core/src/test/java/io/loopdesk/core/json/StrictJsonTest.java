package io.loopdesk.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loopdesk.api.Ticket;
import io.loopdesk.api.ValidationException;
import io.loopdesk.api.event.TicketEvent;
import org.junit.jupiter.api.Test;

/**
 * The codec reads only what it would write: no silent coercion, no null documents, no duplicates.
 */
class StrictJsonTest {
  private static final String EVENT =
      "{\"ticketId\":\"T-1\",\"version\":1,\"at\":\"2026-03-02T01:00:00Z\",\"actor\":{\"id\":\"a-1\",\"role\":\"AGENT\"},"
          + "\"from\":null,\"to\":\"RECEIVED\",\"change\":{\"type\":\"OPENED\",\"channel\":\"PHONE\","
          + "\"customer\":{\"customerId\":\"C-1\",\"name\":\"Bob\",\"phone\":\"13812345678\",\"tier\":\"STANDARD\",\"form\":\"CLEAR\"},"
          + "\"product\":\"X9\",\"problem\":\"broken\",\"expectation\":null,\"alreadyTried\":null}}";

  private final LoopdeskJson json = LoopdeskJson.standard();

  @Test
  void theSampleDocumentIsValid() {
    assertThat(json.read(EVENT, TicketEvent.class).version()).isEqualTo(1);
  }

  @Test
  void aFractionalNumberIsNotTruncatedToAnInteger() {
    assertThatThrownBy(
            () -> json.read(EVENT.replace("\"version\":1", "\"version\":1.5"), TicketEvent.class))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("version");
  }

  @Test
  void aNumberWrittenAsTextIsRejected() {
    assertThatThrownBy(
            () -> json.read(EVENT.replace("\"version\":1", "\"version\":\"1\""), TicketEvent.class))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("version");
  }

  @Test
  void theDocumentNullIsRejected() {
    assertThatThrownBy(() -> json.read("null", Ticket.class))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("null");
    assertThatThrownBy(() -> json.read("  null ", TicketEvent.class))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void aMissingTargetTypeIsATypedError() {
    assertThatThrownBy(() -> json.read(EVENT, null))
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo("type"));
  }

  @Test
  void duplicateKeysAreRejected() {
    assertThatThrownBy(
            () ->
                json.read(
                    EVENT.replace("\"version\":1,", "\"version\":1,\"version\":1,"),
                    TicketEvent.class))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("duplicate");
  }
}
