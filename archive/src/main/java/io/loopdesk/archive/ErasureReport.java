package io.loopdesk.archive;

import io.loopdesk.access.CustomerKeyRecord;
import io.loopdesk.access.CustomerKeys;
import io.loopdesk.api.Checks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The report of what was erased and when, for the data-protection officer and regulators: one row
 * per erased customer and ticket (and one per erased customer who had no tickets), exportable as
 * CSV and JSON. It holds customer ids (the CRM's references), ticket ids, user ids, instants and
 * event versions, never personal data. Immutable.
 *
 * @param rows the rows, by erasure instant, customer id and ticket id
 */
public record ErasureReport(List<Row> rows) {
  /** What personal data an erased event held. */
  public static final String ERASED_FIELDS =
      "customer name, phone, e-mail, postal address, identity documents; message bodies";

  /** Copies the rows. */
  public ErasureReport {
    Checks.notNull("rows", rows);
    rows = List.copyOf(rows);
  }

  /**
   * One erased customer and ticket.
   *
   * @param customerId the customer
   * @param ticketId the ticket id, or empty text if the customer had no ticket
   * @param erasedAt when the erasure ran
   * @param requestedBy who asked, or empty text if unknown (a key erased without the service)
   * @param erasedVersions the event versions whose personal data was erased
   */
  public record Row(
      String customerId,
      String ticketId,
      Instant erasedAt,
      String requestedBy,
      List<Long> erasedVersions) {
    /** Copies the versions. */
    public Row {
      erasedVersions = List.copyOf(erasedVersions);
    }
  }

  /**
   * Builds the report from the erasure log and the key store's tombstones.
   *
   * @param log the erasure log
   * @param keys the customer keys
   * @return the report
   */
  public static ErasureReport of(ErasureLog log, CustomerKeys keys) {
    List<Row> rows = new ArrayList<>();
    Set<String> withTickets = new HashSet<>();
    for (ErasureEntry e : log.entries()) {
      rows.add(
          new Row(
              e.customerId(),
              e.ticketId().value(),
              e.erasedAt(),
              e.requestedBy(),
              e.erasedVersions()));
      withTickets.add(e.customerId());
    }
    for (CustomerKeyRecord r : keys.erasures()) {
      if (!withTickets.contains(r.customerId())) {
        rows.add(new Row(r.customerId(), "", r.erasedAt(), "", List.of()));
      }
    }
    rows.sort(
        Comparator.comparing(Row::erasedAt)
            .thenComparing(Row::customerId)
            .thenComparing(Row::ticketId));
    return new ErasureReport(rows);
  }

  /**
   * Returns the report as CSV (RFC 4180, header first); cells that a spreadsheet would run as
   * formulas are quoted with a leading apostrophe.
   */
  public String toCsv() {
    StringBuilder out =
        new StringBuilder(
            "customer_id,ticket_id,erased_at,requested_by,erased_event_versions,erased_fields\r\n");
    for (Row r : rows) {
      out.append(csv(r.customerId()))
          .append(',')
          .append(csv(r.ticketId()))
          .append(',')
          .append(r.erasedAt())
          .append(',')
          .append(csv(r.requestedBy()))
          .append(',')
          .append(csv(versions(r)))
          .append(',')
          .append(csv(r.erasedVersions().isEmpty() ? "" : ERASED_FIELDS))
          .append("\r\n");
    }
    return out.toString();
  }

  /** Returns the report as a JSON array of objects with the CSV's columns. */
  public String toJson() {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      out.append(i == 0 ? "" : ",")
          .append("\n  {\"customerId\":")
          .append(json(r.customerId()))
          .append(",\"ticketId\":")
          .append(json(r.ticketId()))
          .append(",\"erasedAt\":\"")
          .append(r.erasedAt())
          .append("\",\"requestedBy\":")
          .append(json(r.requestedBy()))
          .append(",\"erasedEventVersions\":")
          .append(r.erasedVersions())
          .append(",\"erasedFields\":")
          .append(json(r.erasedVersions().isEmpty() ? "" : ERASED_FIELDS))
          .append('}');
    }
    return out.append(rows.isEmpty() ? "]" : "\n]").toString();
  }

  private static String versions(Row r) {
    return String.join(" ", r.erasedVersions().stream().map(String::valueOf).toList());
  }

  private static String csv(String value) {
    String v = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      return "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }

  private static String json(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || Character.isSurrogate(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
