package io.qccompanion.server.autoqa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessChecksTest {
  @Test
  void aRegexThatBacktracksWithoutEndDoesNotApplyAndTheOtherRulesStillRun() {
    Conversation c =
        Conversations.start()
            .customer("Please refund me.")
            .after(5)
            .note("Identity verified. " + "a".repeat(40))
            .after(5)
            .agent("Done, refunded.")
            .build();
    TeamRules team =
        TeamRules.DEFAULTS
            .newBuilder()
            .processRules(
                List.of(
                    new ProcessRule("runaway", List.of(), "((a+)+)+b", true),
                    new ProcessRule("identity-verified", List.of("identity verified"), null, true)))
            .build();
    long started = System.nanoTime();
    List<CheckResult> results = ProcessChecks.check(new ConversationView(c), team);
    assertThat((System.nanoTime() - started) / 1e9).as("seconds").isLessThan(10);
    assertThat(results.get(0).check()).isEqualTo("process:runaway");
    assertThat(results.get(0).value()).isNull();
    assertThat(results.get(0).note()).contains("too slow");
    assertThat(results.get(1).value()).isEqualTo(1.0);
    assertThat(results.get(1).evidence().get(0).excerpt()).isEqualTo("Identity verified");
    // the same input gives the same answer: the budget counts characters read, not time
    assertThat(ProcessChecks.check(new ConversationView(c), team)).isEqualTo(results);
  }
}
