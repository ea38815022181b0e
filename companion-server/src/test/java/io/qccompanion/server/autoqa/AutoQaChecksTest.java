package io.qccompanion.server.autoqa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AutoQaChecksTest {
  final AutoQa autoQa = Engines.shared();

  static final String GOOD_REPLY =
      "Hi Maria,\n\nThank you for reaching out. I understand how frustrating a late parcel is. "
          + "I have checked your order and the refund was sent yesterday, so it should reach "
          + "your card within three days.\n\nLet me know if there is anything else I can help with.\n\n"
          + "Best regards,\nJonas";

  static final String CURT_REPLY =
      "refund was send yesterday. their is nothing else i can do about it";

  AutoQaResult score(Conversation c) {
    return autoQa.score(c, TeamRules.DEFAULTS);
  }

  @Test
  void politeWellWrittenReplyHasGreetingClosingEmpathyAndNoErrors() {
    AutoQaResult r =
        score(
            Conversations.start()
                .customer("Hello, my parcel is late and I am really annoyed.")
                .after(30)
                .agent(GOOD_REPLY)
                .names("Maria Lopez", "Jonas Berg")
                .build());
    assertThat(r.language()).isEqualTo("en");
    assertThat(r.check(Check.GREETING).value()).isEqualTo(1.0);
    assertThat(r.check(Check.GREETING).evidence().get(0).excerpt()).isEqualTo("Hi");
    assertThat(r.check(Check.CLOSING).value()).isEqualTo(1.0);
    assertThat(r.check(Check.EMPATHY).value()).isEqualTo(1.0);
    assertThat(r.check(Check.EMPATHY).evidence().get(0).excerpt()).isEqualTo("I understand");
    assertThat(r.check(Check.SPELLING_GRAMMAR).value()).isZero();
    assertThat(r.check(Check.SPELLING_GRAMMAR).evidence()).isEmpty();
  }

  @Test
  void curtReplyWithTyposHasNoGreetingOrClosingAndCountsErrorsWithSpans() {
    AutoQaResult r =
        score(
            Conversations.start()
                .customer("Where is my refund?")
                .after(5)
                .agent(CURT_REPLY)
                .build());
    assertThat(r.check(Check.GREETING).value()).isZero();
    assertThat(r.check(Check.CLOSING).value()).isZero();
    assertThat(r.check(Check.EMPATHY).value()).isZero();
    CheckResult spelling = r.check(Check.SPELLING_GRAMMAR);
    assertThat(spelling.evidence()).extracting(Evidence::excerpt).contains("send", "their", "i");
    for (Evidence e : spelling.evidence()) {
      assertThat(CURT_REPLY.substring(e.start(), e.end())).isEqualTo(e.excerpt());
      assertThat(e.ruleId()).startsWith("lt:");
    }
    assertThat(spelling.value()).isEqualTo(100.0 * spelling.evidence().size() / 13);
  }

  @Test
  void greetingCountsOnlyAtTheStartAndClosingOnlyAtTheEnd() {
    String reply =
        "Your account is unlocked now. Kind regards from the whole team, we had a meeting today. "
            + "I reset the password and sent you a new link to the address on file. Please use it "
            + "within the next hour because it expires after that. Hello again if it fails.";
    AutoQaResult r = score(Conversations.start().customer("I am locked out").agent(reply).build());
    assertThat(r.check(Check.GREETING).value()).isZero();
    assertThat(r.check(Check.CLOSING).value()).isZero();
  }

  @Test
  void ignoresQuotedCustomerTextUrlsCodeNamesAndTheTeamDictionary() {
    String html =
        "<p>Hi Siobhan,</p><p>Please open <a href=\"https://help.example.com/x\">"
            + "https://help.example.com/reset-pasword</a> and run <code>qcctl resett --forse</code>."
            + " Zentrixa Sync will pick it up.</p><p>Best regards</p>"
            + "<blockquote>i cant logg in, its brokn</blockquote>";
    TeamRules team = TeamRules.DEFAULTS.newBuilder().dictionary(Set.of("Zentrixa")).build();
    Conversation c =
        Conversations.start()
            .customer("i cant logg in, its brokn")
            .agentHtml(html)
            .names("Siobhan O'Neill")
            .build();
    AutoQaResult r = autoQa.score(c, team);
    assertThat(r.check(Check.SPELLING_GRAMMAR).evidence()).isEmpty();
    assertThat(r.check(Check.GREETING).value()).isEqualTo(1.0);
    assertThat(r.check(Check.CLOSING).value()).isEqualTo(1.0);

    AutoQaResult withoutDictionary = autoQa.score(c, TeamRules.DEFAULTS);
    assertThat(withoutDictionary.check(Check.SPELLING_GRAMMAR).evidence())
        .extracting(Evidence::excerpt)
        .containsExactly("Zentrixa");
  }

  @Test
  void apologyIsExpectedOnlyWhenTheCustomerIsNegative() {
    AutoQaResult negativeNoApology =
        score(
            Conversations.start()
                .customer("This is terrible, the app crashed again and I lost my work.")
                .agent("Please update the app to version 5.2.")
                .build());
    assertThat(negativeNoApology.check(Check.APOLOGY).value()).isZero();
    assertThat(negativeNoApology.check(Check.APOLOGY).evidence())
        .extracting(Evidence::excerpt)
        .contains("terrible");

    AutoQaResult negativeApology =
        score(
            Conversations.start()
                .customer("This is terrible, the app crashed again and I lost my work.")
                .agent("I'm so sorry about that. Please update the app to version 5.2.")
                .build());
    assertThat(negativeApology.check(Check.APOLOGY).value()).isEqualTo(1.0);

    AutoQaResult neutral =
        score(
            Conversations.start()
                .customer("How do I export my invoices?")
                .agent("Use Export.")
                .build());
    assertThat(neutral.check(Check.APOLOGY).applies()).isFalse();
  }

  @Test
  void sentimentImprovesFromAnAngryStartToAThankfulEnd() {
    AutoQaResult r =
        score(
            Conversations.start()
                .customer("I am really frustrated, the invoice is wrong AGAIN!")
                .agent("Sorry about that, I fixed the invoice.")
                .customer("Great, thank you so much, that was quick!")
                .build());
    CheckResult end = r.check(Check.SENTIMENT_END);
    CheckResult shift = r.check(Check.SENTIMENT_SHIFT);
    assertThat(end.value()).isGreaterThan(0.5);
    assertThat(shift.value()).isGreaterThan(1.0);
    assertThat(end.evidence()).extracting(Evidence::excerpt).contains("Great", "thank");

    AutoQaResult worse =
        score(
            Conversations.start()
                .customer("Hi, my export is not working.")
                .agent("Try again later.")
                .customer("Still broken. This is useless and I want to cancel.")
                .build());
    assertThat(worse.check(Check.SENTIMENT_END).value()).isLessThan(-0.5);
    assertThat(worse.check(Check.SENTIMENT_END).pass()).isFalse();
    assertThat(worse.check(Check.ESCALATION).value()).isEqualTo(1.0);
    assertThat(worse.check(Check.ESCALATION).evidence().get(0).excerpt()).isEqualTo("cancel");
  }

  @Test
  void escalationWordsInAgentRepliesDoNotCount() {
    AutoQaResult r =
        score(
            Conversations.start()
                .customer("How do I change my plan?")
                .agent("You can cancel or change the plan under Billing; no refund is needed.")
                .build());
    assertThat(r.check(Check.ESCALATION).value()).isZero();
    assertThat(r.check(Check.ESCALATION).pass()).isTrue();
  }

  @Test
  void timingAgainstTheTeamTargets() {
    TeamRules team =
        TeamRules.DEFAULTS
            .newBuilder()
            .firstReplyTarget(Duration.ofMinutes(60))
            .longestWaitTarget(Duration.ofMinutes(120))
            .handleTimeTarget(Duration.ofMinutes(10))
            .maxReopens(0)
            .build();
    Conversation c =
        Conversations.start()
            .customer("Hello?")
            .after(45)
            .agent("Hi, looking into it.")
            .after(10)
            .customer("Any news?")
            .after(5)
            .customer("Hello??")
            .after(180)
            .agent("Done.")
            .metrics(new TicketMetrics(2, Duration.ofMinutes(7), null))
            .build();
    AutoQaResult r = autoQa.score(c, team);
    assertThat(r.check(Check.FIRST_REPLY).value()).isEqualTo(45.0);
    assertThat(r.check(Check.FIRST_REPLY).pass()).isTrue();
    assertThat(r.check(Check.LONGEST_WAIT).value()).isEqualTo(185.0);
    assertThat(r.check(Check.LONGEST_WAIT).pass()).isFalse();
    assertThat(r.check(Check.LONGEST_WAIT).evidence().get(0).messageIndex()).isEqualTo(4);
    assertThat(r.check(Check.REOPENS).value()).isEqualTo(2.0);
    assertThat(r.check(Check.REOPENS).pass()).isFalse();
    assertThat(r.check(Check.HANDLE_TIME).value()).isEqualTo(7.0);
    assertThat(r.check(Check.HANDLE_TIME).pass()).isTrue();

    Conversation reported =
        Conversations.start()
            .customer("Hello?")
            .after(45)
            .agent("Hi.")
            .metrics(new TicketMetrics(0, null, Duration.ofMinutes(90)))
            .build();
    AutoQaResult h = autoQa.score(reported, team);
    assertThat(h.check(Check.FIRST_REPLY).value()).isEqualTo(90.0);
    assertThat(h.check(Check.FIRST_REPLY).pass()).isFalse();
    assertThat(h.check(Check.HANDLE_TIME).applies()).isFalse();
    assertThat(h.check(Check.REOPENS).pass()).isTrue();
  }

  @Test
  void processRulesReadInternalNotesOnly() {
    TeamRules team =
        TeamRules.DEFAULTS
            .newBuilder()
            .processRules(
                List.of(
                    new ProcessRule("identity-verified", List.of("identity verified"), null, true),
                    new ProcessRule(
                        "no-card-numbers",
                        List.of(),
                        "\\b\\d{4}[ -]?\\d{4}[ -]?\\d{4}[ -]?\\d{4}\\b",
                        false)))
            .build();
    Conversation ok =
        Conversations.start()
            .customer("Please refund order 1234 5678 9012 3456")
            .note("Identity verified via date of birth.")
            .agent("Hi, done.")
            .build();
    AutoQaResult r = autoQa.score(ok, team);
    assertThat(r.check("process:identity-verified").orElseThrow().value()).isEqualTo(1.0);
    assertThat(r.check("process:identity-verified").orElseThrow().evidence().get(0).excerpt())
        .isEqualTo("Identity verified");
    assertThat(r.check("process:no-card-numbers").orElseThrow().value()).isEqualTo(1.0);

    Conversation bad =
        Conversations.start()
            .customer("Please refund")
            .note("Card 1234 5678 9012 3456 refunded")
            .agent("Hi, done. Identity verified.")
            .build();
    AutoQaResult b = autoQa.score(bad, team);
    assertThat(b.check("process:identity-verified").orElseThrow().value()).isZero();
    assertThat(b.check("process:no-card-numbers").orElseThrow().value()).isZero();
    assertThat(b.check("process:no-card-numbers").orElseThrow().evidence().get(0).excerpt())
        .isEqualTo("1234 5678 9012 3456");
  }

  @Test
  void germanConversationUsesGermanPhrasesAndSkipsGrammarWithoutAModule() {
    AutoQaResult r =
        score(
            Conversations.start()
                .customer("Guten Tag, meine Rechnung ist falsch und ich bin wirklich verärgert.")
                .agent(
                    "Hallo Frau Schmidt,\n\nes tut mir sehr leid. Ich verstehe, dass das ärgerlich ist. "
                        + "Ich habe die Rechnung korrigiert und Ihnen erneut geschickt.\n\n"
                        + "Mit freundlichen Grüßen\nJonas")
                .customer("Danke, super!")
                .build());
    assertThat(r.language()).isEqualTo("de");
    assertThat(r.languageConfidence()).isGreaterThan(0.9);
    assertThat(r.check(Check.GREETING).value()).isEqualTo(1.0);
    assertThat(r.check(Check.GREETING).evidence().get(0).ruleId()).startsWith("greeting:de:");
    assertThat(r.check(Check.CLOSING).value()).isEqualTo(1.0);
    assertThat(r.check(Check.APOLOGY).value()).isEqualTo(1.0);
    assertThat(r.check(Check.EMPATHY).value()).isEqualTo(1.0);
    assertThat(r.check(Check.SENTIMENT_SHIFT).value()).isGreaterThan(1.0);
    assertThat(r.check(Check.SPELLING_GRAMMAR).applies()).isFalse();
    assertThat(r.check(Check.SPELLING_GRAMMAR).note()).contains("de");
    assertThat(r.check(Check.READABILITY).applies()).isTrue();
  }

  @Test
  void readabilityIsHigherForPlainShortSentences() {
    AutoQaResult plain =
        score(
            Conversations.start()
                .customer("Help")
                .agent("I sent the link. Click it. It works now.")
                .build());
    AutoQaResult dense =
        score(
            Conversations.start()
                .customer("Help")
                .agent(
                    "Subsequently, the authentication infrastructure necessitates reconfiguration "
                        + "of organisational credentials, notwithstanding previous administrative "
                        + "communications regarding synchronisation.")
                .build());
    assertThat(plain.check(Check.READABILITY).value()).isGreaterThan(80);
    assertThat(dense.check(Check.READABILITY).value()).isLessThan(10);
  }

  @Test
  void checksWithoutAnAgentReplyDoNotApply() {
    AutoQaResult r = score(Conversations.start().customer("Hello, anyone there?").build());
    for (Check c :
        List.of(
            Check.GREETING,
            Check.CLOSING,
            Check.EMPATHY,
            Check.SPELLING_GRAMMAR,
            Check.READABILITY,
            Check.FIRST_REPLY,
            Check.LONGEST_WAIT)) assertThat(r.check(c).applies()).as(c.id()).isFalse();
  }
}
