package io.qccompanion.server.pages;

import static org.assertj.core.api.Assertions.assertThat;

import io.qccompanion.server.auth.Role;
import io.qccompanion.server.testing.TestApp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Who may open each manager and admin screen, and who sees it in the navigation. */
class ManagerScreensAccessTest {
  static TestApp app;

  /** Page → the roles that may open it. */
  static final Map<String, List<Role>> PAGES =
      Map.ofEntries(
          Map.entry("/dashboard", List.of(Role.ADMIN, Role.MANAGER, Role.QC_LEAD)),
          Map.entry("/targets", List.of(Role.ADMIN, Role.MANAGER, Role.QC_LEAD)),
          Map.entry("/autoqa", List.of(Role.ADMIN, Role.MANAGER, Role.QC_LEAD)),
          Map.entry("/production", List.of(Role.ADMIN, Role.MANAGER, Role.QC_LEAD)),
          Map.entry("/coaching", List.of(Role.ADMIN, Role.MANAGER, Role.QC_LEAD)),
          Map.entry("/action-plans", List.of(Role.ADMIN, Role.MANAGER, Role.QC_LEAD)),
          Map.entry("/escalations", List.of(Role.ADMIN, Role.MANAGER, Role.QC_LEAD)),
          Map.entry("/admin/connections", List.of(Role.ADMIN)),
          Map.entry("/admin/users", List.of(Role.ADMIN)),
          Map.entry("/admin/audit", List.of(Role.ADMIN)),
          Map.entry("/admin/retention", List.of(Role.ADMIN)),
          Map.entry("/admin/audit-pack", List.of(Role.ADMIN, Role.MANAGER)));

  @BeforeAll
  static void start() {
    app = TestApp.start();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void eachScreenOpensForItsRolesOnlyAndIsLinkedOnlyForThem() {
    for (Role role : List.of(Role.ADMIN, Role.MANAGER, Role.QC_LEAD, Role.QC, Role.AGENT)) {
      var api = app.as(role);
      String nav = api.get("/tokens").text();
      PAGES.forEach(
          (path, allowed) -> {
            var page = api.get(path);
            boolean may = allowed.contains(role);
            assertThat(page.status()).as(role + " " + path).isEqualTo(may ? 200 : 403);
            if (may) assertThat(page.text()).as(path).contains("<main id=\"main\"", "<nav");
            assertThat(nav.contains("href=\"" + path + "\""))
                .as(role + " nav " + path)
                .isEqualTo(may);
          });
    }
  }
}
