package io.loopdesk.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.loopdesk.api.ValidationException;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * JSON for every Loopdesk value and event: tickets, events, callbacks, queries' inputs. Instants are
 * ISO-8601 strings; unknown properties are rejected; malformed input gives a {@link
 * ValidationException} naming the JSON path and position (never echoing the input, which may hold
 * personal data). Thread-safe.
 */
public final class LoopdeskJson {
  private static final LoopdeskJson DEFAULT = new LoopdeskJson(newObjectMapper());
  private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"");

  private final ObjectMapper mapper;

  private LoopdeskJson(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** Returns the shared instance. */
  public static LoopdeskJson standard() {
    return DEFAULT;
  }

  /**
   * Returns a new Jackson mapper configured for Loopdesk types, for hosts that embed Loopdesk
   * values in their own JSON.
   */
  public static ObjectMapper newObjectMapper() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .build();
  }

  /**
   * Writes a value as JSON.
   *
   * @param value a Loopdesk value or event
   * @return the JSON text
   * @throws ValidationException if the value cannot be serialised
   */
  public String write(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new ValidationException("value", value == null ? null : value.getClass().getSimpleName(), e.getOriginalMessage());
    }
  }

  /**
   * Reads a value from JSON.
   *
   * @param json the JSON text
   * @param type the expected type
   * @param <T> the type
   * @return the value
   * @throws ValidationException if the text is not valid JSON for the type; a value type's own
   *     validation error is passed through unchanged
   */
  public <T> T read(String json, Class<T> type) {
    if (json == null) {
      throw new ValidationException("json", null, "must not be null");
    }
    try {
      return mapper.readValue(json, type);
    } catch (JsonMappingException e) {
      Throwable cause = e.getCause();
      while (cause != null) {
        if (cause instanceof ValidationException v) {
          throw v;
        }
        cause = cause.getCause();
      }
      throw new ValidationException(path(e, type), location(e), withoutInput(e.getOriginalMessage()));
    } catch (JsonProcessingException e) {
      throw new ValidationException("json", location(e), "malformed JSON: " + withoutInput(e.getOriginalMessage()));
    }
  }

  private static String path(JsonMappingException e, Class<?> type) {
    String path =
        e.getPath().stream()
            .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
            .collect(Collectors.joining("."));
    return type.getSimpleName() + (path.isEmpty() ? "" : "." + path);
  }

  /**
   * Jackson's description of a problem with the quoted pieces of input in it (tokens, values, names)
   * replaced, as they may hold personal data; types in backticks and expected values stay.
   */
  private static String withoutInput(String message) {
    return message == null ? "" : QUOTED.matcher(message).replaceAll("'***'");
  }

  /** Describes where the problem is without echoing the input, which may hold personal data. */
  private static String location(JsonProcessingException e) {
    return e.getLocation() == null
        ? "<input>"
        : "<input at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ">";
  }
}
