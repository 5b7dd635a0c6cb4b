package io.loopdesk.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.loopdesk.api.ValidationException;
import java.util.stream.Collectors;

/**
 * JSON for every Loopdesk value and event: tickets, events, callbacks, queries' inputs. Instants
 * are ISO-8601 strings. Reading is strict, so that a document is accepted only in the form the
 * codec writes:
 *
 * <ul>
 *   <li>unknown properties and duplicate keys are rejected;
 *   <li>no coercion: a fraction is not truncated to an integer ({@code "version": 1.5}), a number
 *       is not read from a string ({@code "version": "1"}), nor a string or boolean from a number;
 *   <li>the document {@code null}, trailing content after the value, and a null target type are
 *       rejected;
 *   <li>a primitive field may not be null.
 * </ul>
 *
 * <p>Every rejection is a {@link ValidationException} naming the JSON path and position, never
 * echoing the input, which may hold personal data (a value type's own validation error is passed
 * through; it masks values itself). Thread-safe.
 */
public final class LoopdeskJson {
  private static final LoopdeskJson DEFAULT = new LoopdeskJson(newObjectMapper());

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
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
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
      throw ValidationException.described(
          "value",
          value == null ? "null" : value.getClass().getSimpleName(),
          "cannot be written as JSON (" + e.getClass().getSimpleName() + ")");
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
    if (type == null) {
      throw new ValidationException("type", null, "must not be null");
    }
    T value;
    try {
      value = mapper.readValue(json, type);
    } catch (JsonMappingException e) {
      Throwable cause = e.getCause();
      while (cause != null) {
        if (cause instanceof ValidationException v) {
          throw v;
        }
        cause = cause.getCause();
      }
      throw ValidationException.described(path(e, type), location(e), problem(e, type));
    } catch (JsonProcessingException e) {
      throw ValidationException.described("json", location(e), malformed(e));
    }
    if (value == null) {
      throw new ValidationException(
          "json", "null", "must be a " + type.getSimpleName() + " document, not null");
    }
    return value;
  }

  /**
   * Says what is wrong in our own words: Jackson's messages quote the offending input, which may be
   * personal data.
   */
  private static String problem(JsonMappingException e, Class<?> type) {
    if (e instanceof UnrecognizedPropertyException) {
      return "unknown property; "
          + type.getSimpleName()
          + " accepts only the properties the codec writes";
    }
    if (e instanceof InvalidFormatException invalid) {
      return "has the wrong format for " + simpleName(invalid.getTargetType());
    }
    if (e instanceof MismatchedInputException mismatched) {
      return "has the wrong JSON type or is missing; expected "
          + simpleName(mismatched.getTargetType());
    }
    if (e instanceof InvalidTypeIdException) {
      return "names an unknown type";
    }
    return "cannot be read as " + type.getSimpleName();
  }

  private static String malformed(JsonProcessingException e) {
    String original = String.valueOf(e.getOriginalMessage());
    if (original.startsWith("Duplicate field")) {
      return "a duplicate key; each property may appear once";
    }
    return "malformed JSON";
  }

  private static String simpleName(Class<?> type) {
    return type == null ? "the declared type" : type.getSimpleName();
  }

  private static String path(JsonMappingException e, Class<?> type) {
    String path =
        e.getPath().stream()
            .map(
                ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
            .collect(Collectors.joining("."));
    return type.getSimpleName() + (path.isEmpty() ? "" : "." + path);
  }

  /** Describes where the problem is without echoing the input, which may hold personal data. */
  private static String location(JsonProcessingException e) {
    return e.getLocation() == null
        ? "<input>"
        : "<input at line "
            + e.getLocation().getLineNr()
            + ", column "
            + e.getLocation().getColumnNr()
            + ">";
  }
}
