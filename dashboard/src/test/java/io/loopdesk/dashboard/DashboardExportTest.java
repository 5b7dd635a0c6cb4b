package io.loopdesk.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopdesk.dashboard.DashboardSnapshot.AgentRow;
import io.loopdesk.dashboard.DashboardSnapshot.RiskRow;
import io.loopdesk.dashboard.DashboardSnapshot.SlaTargetRow;
import io.loopdesk.dashboard.DashboardSnapshot.Tile;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** CSV and Excel exports of a snapshot. */
class DashboardExportTest {
  private final DashboardExport export = new DashboardExport(new DashboardLabels());

  private static DashboardSnapshot snapshot() {
    return new DashboardSnapshot(
        "2026-11-28T10:00:00Z",
        0,
        7,
        Map.of("period", "7d", "department", "售后"),
        "sup-1",
        "SUPERVISOR",
        "QUEUE",
        true,
        List.of(
            new Tile("tickets", 12.0, "count", null, null),
            new Tile("fcr", 0.75, "percent", 0.8, false),
            new Tile("csat", null, "score", null, null),
            new Tile("sla.RESOLUTION", 1.0, "percent", 0.9, true)),
        List.of(new SlaTargetRow("RESOLUTION", 1.0, 0.9, 3, 0, 0)),
        List.of(1L, 2L, 0L, 0L),
        List.of(),
        List.of(new AgentRow("=HYPERLINK(\"x\")", 3, 1, 2, 2, 1.5, null, 1.0, 4.5)),
        List.of(
            new RiskRow("T-1", "RESOLUTION", "agent-3", "售后", "P1", "张*", "IN_PROGRESS", 0, true)),
        Map.of());
  }

  @Test
  void csvIsUtf8WithAByteOrderMarkAndChineseLabels() {
    byte[] csv = export.csv(snapshot(), "zh");
    assertThat(csv).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
    String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
    assertThat(text)
        .contains("首次解决率,75.0%,80.0%")
        .contains("工单数,12,")
        .contains("部门,售后")
        .contains("最近 7 天")
        .contains("张*")
        .contains("T-1,RESOLUTION,agent-3,售后,P1");
    assertThat(new String(export.csv(snapshot(), "en"), StandardCharsets.UTF_8))
        .contains("First-contact resolution,75.0%,80.0%")
        .contains("SLA met RESOLUTION,100.0%,90.0%");
  }

  @Test
  void cellsAreQuotedAndFormulasDefused() {
    String text = new String(export.csv(snapshot(), "en"), StandardCharsets.UTF_8);
    assertThat(text).contains("\"'=HYPERLINK(\"\"x\"\")\"").doesNotContain(",=HYPERLINK");
    assertThat(DashboardExport.csvCell("-12.5")).isEqualTo("-12.5");
    assertThat(DashboardExport.csvCell("+cmd|' /C calc'!A0")).startsWith("'+");
    assertThat(DashboardExport.csvCell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(DashboardExport.csvCell("a,b")).isEqualTo("\"a,b\"");
    assertThat(DashboardExport.csvCell("line\nbreak")).isEqualTo("\"line\nbreak\"");
  }

  @Test
  void xlsxIsAWorkbookWithOneSheetPerTable() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    export.xlsx(snapshot(), "zh", out);
    List<String> entries = new ArrayList<>();
    StringBuilder sharedStrings = new StringBuilder();
    java.nio.file.Path file = java.nio.file.Files.createTempFile("dashboard", ".xlsx");
    try {
      java.nio.file.Files.write(file, out.toByteArray());
      try (ZipFile zip = new ZipFile(file.toFile())) {
        for (ZipEntry e : Collections.list(zip.entries())) {
          entries.add(e.getName());
          if (e.getName().equals("xl/sharedStrings.xml")) {
            sharedStrings.append(
                new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
          }
        }
      }
    } finally {
      java.nio.file.Files.delete(file);
    }
    Collections.sort(entries);
    assertThat(entries)
        .contains("xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet5.xml");
    String text =
        java.util.regex.Pattern.compile("&#x([0-9a-f]+);")
            .matcher(sharedStrings)
            .replaceAll(m -> new String(Character.toChars(Integer.parseInt(m.group(1), 16))));
    assertThat(text)
        .contains("首次解决率")
        .contains("75.0%")
        .contains("张*")
        .as("a string cell, never a formula")
        .contains("<t xml:space=\"preserve\">=HYPERLINK");
  }

  @Test
  void formatsCountsMinutesRatesAndNothing() {
    assertThat(DashboardExport.format(12.4, "count")).isEqualTo("12");
    assertThat(DashboardExport.format(0.8333, "percent")).isEqualTo("83.3%");
    assertThat(DashboardExport.format(2.25, "minutes")).isEqualTo("2.3");
    assertThat(DashboardExport.format(null, "percent")).isEmpty();
  }
}
