package io.loopdesk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The README's first command must keep showing what it promises. */
class ServiceDayExampleTest {
  @Test
  void exampleShowsRejectedCloseReopenUnreachableAndAuditTrail() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    new ServiceDayExample(new PrintStream(buffer, true, StandardCharsets.UTF_8)).run();
    String out = buffer.toString(StandardCharsets.UTF_8);
    assertThat(out)
        .contains("REJECTED close before callback")
        .contains("rating 2 -> status RECEIVED, reopened 1 time(s)")
        .contains("re-assessed priority P1")
        .contains("no answer -> UNREACHABLE")
        .contains("REJECTED silent close")
        .contains("== Audit trail of SR-1001 ==")
        .contains("callback REACHED rating=5 -> CONFIRMED")
        .doesNotContain("13812345678", "张三,", "alice@example.com");
  }
}
