package io.loopdesk.store.jdbc.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.event.TicketEvent;
import io.loopdesk.core.json.LoopdeskJson;

/**
 * Loopdesk's JSON format ({@link LoopdeskJson}) with every surrogate written as a {@code \}{@code
 * uXXXX} escape, so that unpaired surrogates survive databases that store UTF-8 and the column text
 * stays valid. Chinese and other BMP text is written as is. Thread-safe.
 */
public final class JsonCodec {
  private final ObjectWriter writer;
  private final ObjectReader ticketReader;
  private final ObjectReader eventReader;

  /** Creates the codec. */
  public JsonCodec() {
    ObjectMapper mapper = LoopdeskJson.newObjectMapper();
    mapper.getFactory().setCharacterEscapes(new SurrogateEscapes());
    this.writer = mapper.writer();
    this.ticketReader = mapper.readerFor(Ticket.class);
    this.eventReader = mapper.readerFor(TicketEvent.class);
  }

  /**
   * Writes a ticket or an event.
   *
   * @param value the value
   * @return the JSON text
   * @throws JsonProcessingException if Jackson cannot write it
   */
  public String write(Object value) throws JsonProcessingException {
    return writer.writeValueAsString(value);
  }

  /**
   * Reads a ticket.
   *
   * @param json the JSON text
   * @return the ticket
   * @throws JsonProcessingException if the text is not a ticket
   */
  public Ticket readTicket(String json) throws JsonProcessingException {
    return ticketReader.readValue(json);
  }

  /**
   * Reads an event.
   *
   * @param json the JSON text
   * @return the event
   * @throws JsonProcessingException if the text is not an event
   */
  public TicketEvent readEvent(String json) throws JsonProcessingException {
    return eventReader.readValue(json);
  }

  /** JSON's standard escapes plus every UTF-16 surrogate. */
  private static final class SurrogateEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private final int[] ascii = standardAsciiEscapesForJSON();

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      if (ch < Character.MIN_SURROGATE || ch > Character.MAX_SURROGATE) {
        return null;
      }
      char[] escape = {
        '\\', 'u', HEX[(ch >> 12) & 0xF], HEX[(ch >> 8) & 0xF], HEX[(ch >> 4) & 0xF], HEX[ch & 0xF]
      };
      return new SerializedString(new String(escape));
    }
  }
}
