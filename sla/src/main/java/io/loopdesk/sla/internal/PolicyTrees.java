package io.loopdesk.sla.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loopdesk.sla.SlaPolicyException;
import java.util.Iterator;
import java.util.Set;

/**
 * Reading the YAML and JSON documents of SLA policies and contracts: the same errors, naming the
 * same places, for both.
 */
public final class PolicyTrees {
  private PolicyTrees() {}

  /**
   * Parses a document.
   *
   * @param mapper the YAML or JSON mapper
   * @param text the document
   * @param format "YAML" or "JSON", for the error
   * @return the tree
   * @throws SlaPolicyException when the document is empty, or malformed (with line and column)
   */
  public static JsonNode read(ObjectMapper mapper, String text, String format) {
    if (text == null || text.isBlank()) {
      throw new SlaPolicyException("$", text, "empty " + format + " document");
    }
    try {
      return mapper.readTree(text);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "$" : "$ (" + location(e) + ")";
      SlaPolicyException error =
          new SlaPolicyException(
              where, null, "malformed " + format + ": " + e.getOriginalMessage());
      error.initCause(e);
      throw error;
    }
  }

  /**
   * Where a parse error is, as {@code line L, column C}.
   *
   * @param e the error
   * @return its location, or {@code null} when the parser gave none
   */
  public static String location(JsonProcessingException e) {
    return e.getLocation() == null
        ? null
        : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
  }

  /**
   * Returns a non-blank scalar's text.
   *
   * @throws SlaPolicyException naming {@code field} when the value is missing, blank or not a
   *     scalar
   */
  public static String text(JsonNode node, String field) {
    if (node == null || node.isNull() || !node.isValueNode() || node.asText().isBlank()) {
      throw new SlaPolicyException(field, node, "a non-blank value is required");
    }
    return node.asText();
  }

  /**
   * Rejects fields outside {@code allowed}, so that a misspelt key is an error rather than ignored.
   *
   * @throws SlaPolicyException naming the unknown field's path
   */
  public static void checkFields(JsonNode node, String path, Set<String> allowed) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw new SlaPolicyException(
            path + "." + name, name, "unknown field; expected one of " + allowed);
      }
    }
  }
}
