package io.qccompanion.server.autoqa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SpotlightSignalsTest {
  final AutoQa autoQa = Engines.shared();

  @Test
  void curtLateReplyToAnAngryCustomerRaisesEverySignal() {
    Conversation c =
        Conversations.start()
            .customer("This is unacceptable, I want to cancel.")
            .after(600)
            .agent(AutoQaChecksTest.CURT_REPLY)
            .customer("Terrible service, useless.")
            .build();
    AutoQaResult r =
        autoQa.score(
            c, TeamRules.DEFAULTS.newBuilder().firstReplyTarget(Duration.ofHours(4)).build());
    assertThat(SpotlightSignals.of(r))
        .containsExactly(
            "AUTOQA:low_score",
            "AUTOQA:negative_sentiment",
            "AUTOQA:sla_breach",
            "AUTOQA:escalation");
  }

  @Test
  void aGoodConversationRaisesNone() {
    Conversation c =
        Conversations.start()
            .customer("Hello, how do I change my address?")
            .after(20)
            .agent(AutoQaChecksTest.GOOD_REPLY)
            .customer("Great, thanks!")
            .names("Maria", "Jonas")
            .build();
    assertThat(SpotlightSignals.of(autoQa.score(c, TeamRules.DEFAULTS))).isEmpty();
  }
}
