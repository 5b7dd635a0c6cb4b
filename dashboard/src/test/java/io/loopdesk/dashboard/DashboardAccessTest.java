package io.loopdesk.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loopdesk.access.AuditEntry;
import io.loopdesk.access.Permission;
import io.loopdesk.api.Role;
import io.loopdesk.api.Ticket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every role against the real controller: what each sees, and that a request outside one's scope
 * gets 403 and leaves an {@link AuditEntry.AccessDenied} in the desk's audit log.
 */
class DashboardAccessTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static TestServer server;
  private static final List<Ticket> TICKETS = new ArrayList<>();

  @BeforeAll
  static void start() {
    server = new TestServer();
    for (int n = 1; n <= 60; n++) {
      TICKETS.add(server.fixtures.openAndStep(n, 2 + n % 5));
    }
    server.context.getBean(DashboardStream.class).pushOnce();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonNode data(String query) throws Exception {
    HttpResponse<String> r = server.get("/data?" + query);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private static long tickets(JsonNode snapshot) {
    for (JsonNode tile : snapshot.get("tiles")) {
      if (tile.get("key").asText().equals("tickets")) {
        return tile.get("value").asLong();
      }
    }
    throw new AssertionError("no tickets tile");
  }

  private static long count(java.util.function.Predicate<Ticket> p) {
    return TICKETS.stream()
        .map(t -> server.loopdesk.store().find(t.id()).orElseThrow())
        .filter(p)
        .count();
  }

  private static Set<String> agents(JsonNode snapshot) {
    Set<String> out = new java.util.TreeSet<>();
    snapshot.get("agents").forEach(a -> out.add(a.get("agent").asText()));
    return out;
  }

  private static void assertDeniedAndAudited(
      String query, String actor, Role role, Permission permission) throws Exception {
    int before = server.loopdesk.audit().entries().size();
    HttpResponse<String> r = server.get(query);
    assertThat(r.statusCode()).as(query).isEqualTo(403);
    assertThat(r.body()).contains("Access denied").doesNotContain("张三");
    List<AuditEntry> entries = server.loopdesk.audit().entries();
    assertThat(entries.subList(before, entries.size()))
        .anySatisfy(
            e -> {
              assertThat(e).isInstanceOf(AuditEntry.AccessDenied.class);
              AuditEntry.AccessDenied d = (AuditEntry.AccessDenied) e;
              assertThat(d.actorId()).isEqualTo(actor);
              assertThat(d.role()).isEqualTo(role);
              assertThat(d.permission()).isEqualTo(permission);
              assertThat(d.operation()).startsWith("dashboard.");
            });
  }

  @Test
  void anAgentSeesOnlyTheirOwnFiguresAndNothingElse() throws Exception {
    JsonNode s = data("as=agent-1");
    assertThat(s.get("scope").asText()).isEqualTo("OWN");
    assertThat(tickets(s))
        .isPositive()
        .isEqualTo(count(t -> t.assignee().orElse("").equals("agent-1")));
    assertThat(agents(s)).containsExactly("agent-1");
    assertDeniedAndAudited(
        "/data?as=agent-1&agent=agent-2", "agent-1", Role.AGENT, Permission.READ);
    assertDeniedAndAudited(
        "/data?as=agent-1&department=billing", "agent-1", Role.AGENT, Permission.READ);
    assertDeniedAndAudited(
        "/events?as=agent-1&agent=agent-3", "agent-1", Role.AGENT, Permission.READ);
    assertDeniedAndAudited("/export.csv?as=agent-1", "agent-1", Role.AGENT, Permission.EXPORT);
    assertThat(s.get("mayExport").asBoolean()).isFalse();
  }

  @Test
  void aTeamLeadSeesTheirTeamAndTheTeamsQueues() throws Exception {
    JsonNode s = data("as=lead-1");
    assertThat(s.get("scope").asText()).isEqualTo("TEAM");
    assertThat(tickets(s))
        .isEqualTo(
            count(
                t ->
                    Set.of("agent-1", "agent-2").contains(t.assignee().orElse(""))
                        || t.department().orElse("").equals("repair")));
    assertThat(agents(s)).containsExactly("agent-1", "agent-2");
    assertThat(tickets(data("as=lead-1&agent=agent-2")))
        .isEqualTo(count(t -> t.assignee().orElse("").equals("agent-2")));
    assertDeniedAndAudited(
        "/data?as=lead-1&agent=agent-3", "lead-1", Role.TEAM_LEAD, Permission.READ);
    assertDeniedAndAudited(
        "/data?as=lead-1&department=billing", "lead-1", Role.TEAM_LEAD, Permission.READ);
    HttpResponse<byte[]> csv = server.getBytes("/export.csv?as=lead-1");
    assertThat(csv.statusCode()).isEqualTo(200);
  }

  @Test
  void aSupervisorSeesTheirDepartment() throws Exception {
    JsonNode s = data("as=sup-1");
    assertThat(s.get("scope").asText()).isEqualTo("QUEUE");
    assertThat(tickets(s))
        .isPositive()
        .isEqualTo(count(t -> t.department().orElse("").equals("billing")));
    assertThat(agents(s)).containsExactly("agent-3");
    assertThat(tickets(data("as=sup-1&agent=agent-3"))).isEqualTo(tickets(s));
    assertDeniedAndAudited(
        "/data?as=sup-1&department=repair", "sup-1", Role.SUPERVISOR, Permission.READ);
    assertDeniedAndAudited(
        "/data?as=sup-1&agent=agent-1", "sup-1", Role.SUPERVISOR, Permission.READ);
    assertThat(s.get("mayExport").asBoolean()).isTrue();
  }

  @Test
  void anAdministratorSeesEverythingWithCustomersMaskedButMayNotExportUnderTheStandardPolicy()
      throws Exception {
    JsonNode s = data("as=admin-1");
    assertThat(s.get("scope").asText()).isEqualTo("ALL");
    assertThat(tickets(s)).isEqualTo(TICKETS.size());
    assertThat(agents(s)).contains("agent-1", "agent-2", "agent-3");
    assertThat(s.get("atRisk").size()).isPositive();
    s.get("atRisk")
        .forEach(r -> assertThat(r.get("customer").asText()).startsWith("张").endsWith("*"));
    assertDeniedAndAudited(
        "/export.xlsx?as=admin-1", "admin-1", Role.ADMINISTRATOR, Permission.EXPORT);
  }

  @Test
  void personalDataFollowsThePolicy() throws Exception {
    JsonNode supervisor = data("as=sup-1");
    assertThat(supervisor.get("atRisk").size()).isPositive();
    supervisor.get("atRisk").forEach(r -> assertThat(r.get("customer").asText()).matches("张三\\d+"));
    JsonNode qa = data("as=qa-1");
    assertThat(qa.get("scope").asText()).isEqualTo("ALL");
    qa.get("atRisk").forEach(r -> assertThat(r.get("customer").asText()).doesNotMatch(".*\\d.*"));
    byte[] csv = server.getBytes("/export.csv?as=sup-1").body();
    assertThat(new String(csv, StandardCharsets.UTF_8))
        .as("every export masks customers")
        .doesNotContain("张三");
  }

  @Test
  void rolesThatSeeNothingOrAreNotGrantedAreRefusedAndAudited() throws Exception {
    assertDeniedAndAudited("/data?as=trainer-1", "trainer-1", Role.TRAINER, Permission.READ);
    assertDeniedAndAudited("?as=trainer-1", "trainer-1", Role.TRAINER, Permission.READ);
    assertDeniedAndAudited(
        "/data?as=agent-1&role=SUPERVISOR", "agent-1", Role.SUPERVISOR, Permission.READ);
    assertDeniedAndAudited(
        "/data?as=agent-1&role=ADMINISTRATOR", "agent-1", Role.ADMINISTRATOR, Permission.READ);
    assertDeniedAndAudited(
        "/data?as=nobody&role=CUSTOMER", "nobody", Role.CUSTOMER, Permission.READ);
  }

  @Test
  void anUnauthenticatedRequestGets401AndAMalformedFilter400NamingTheParameter() throws Exception {
    assertThat(server.get("/data").statusCode()).isEqualTo(401);
    assertThat(server.get("").statusCode()).isEqualTo(401);
    HttpResponse<String> bad = server.get("/data?as=admin-1&period=forever");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("period");
    HttpResponse<String> huge = server.get("/data?as=admin-1&agent=" + "x".repeat(500));
    assertThat(huge.statusCode()).isEqualTo(400);
    assertThat(huge.body()).contains("agent").doesNotContain("x".repeat(100));
  }
}
