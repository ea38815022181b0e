package io.qccompanion.server.scorecards;

import static org.assertj.core.api.Assertions.assertThat;

import io.qccompanion.server.testing.TestApp;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ScorecardSelectorTest {
  static TestApp app;
  static String billing;
  static String sales;
  static String orgDefault;
  static String billingDefault;
  static String billingEmail;
  static String billingVip;
  static String billingEmailVip;
  static String orgChat;

  @BeforeAll
  static void start() {
    app = TestApp.start();
    var c = app.c();
    billing = c.db().write(h -> c.users().createTeam(h, "Billing").id());
    sales = c.db().write(h -> c.users().createTeam(h, "Sales").id());
    orgDefault = publish(null, null, null, true);
    billingDefault = publish(billing, null, null, true);
    billingEmail = publish(billing, "email", null, false);
    billingVip = publish(billing, null, "vip", false);
    billingEmailVip = publish(billing, "email", "vip", false);
    orgChat = publish(null, "chat", null, false);
    publish(billing, null, null, false); // neither rule nor default: never chosen automatically
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static String publish(String team, String channel, String tag, boolean isDefault) {
    var c = app.c();
    var draft =
        new ScorecardDraft(
            "card",
            null,
            team,
            channel,
            tag,
            isDefault,
            null,
            List.of(
                new Section(
                    "S",
                    List.of(
                        new Criterion(
                            "a", "A", null, Scale.BINARY, null, 1.0, false, false, false, null)))));
    return c.db()
        .write(
            h -> {
              var card = c.scorecards().create(h, draft, null);
              return c.scorecards().publish(h, card.id(), null).id();
            });
  }

  private static String select(String team, String channel, String... tags) {
    return app.c()
        .scorecardSelector()
        .forTicket(team, channel, List.of(tags))
        .map(ScorecardSelector.Selection::scorecardVersionId)
        .orElse(null);
  }

  @Test
  void mostSpecificTeamRuleWins() {
    assertThat(select(billing, "email", "vip", "refund")).isEqualTo(billingEmailVip);
    assertThat(select(billing, "email", "refund")).isEqualTo(billingEmail);
    assertThat(select(billing, "web", "vip")).isEqualTo(billingVip);
  }

  @Test
  void teamDefaultBeatsOrganisationRules() {
    assertThat(select(billing, "chat")).isEqualTo(billingDefault);
  }

  @Test
  void otherTeamsFallBackToOrganisationRulesThenDefault() {
    assertThat(select(sales, "chat")).isEqualTo(orgChat);
    assertThat(select(sales, "email", "vip")).isEqualTo(orgDefault);
    assertThat(select(null, "phone")).isEqualTo(orgDefault);
  }

  @Test
  void newestVersionIsChosenAndArchivedScorecardsAreSkipped() {
    var c = app.c();
    String marketing = c.db().write(h -> c.users().createTeam(h, "Marketing").id());
    String first = publish(marketing, null, null, true);
    String cardId = c.db().read(h -> c.scorecards().version(h, first).orElseThrow().scorecardId());
    String second = c.db().write(h -> c.scorecards().publish(h, cardId, null).id());
    assertThat(select(marketing, "email")).isEqualTo(second);
    c.db().write(h -> c.scorecards().archive(h, cardId, null));
    assertThat(select(marketing, "email")).isEqualTo(orgDefault);
  }

  @Test
  void onlyOneDefaultPerTeam() {
    var c = app.c();
    String support = c.db().write(h -> c.users().createTeam(h, "Support").id());
    publish(support, null, null, true);
    String newer = publish(support, null, null, true);
    assertThat(select(support, "email")).isEqualTo(newer);
  }
}
