package io.qccompanion.simulators.jira;

import io.qccompanion.simulators.SimOptions;
import io.qccompanion.simulators.SupportReplies;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Seeded generation of agents, customers and issues that read like a support queue. An agent's
 * skill (0..1) drives resolution time, reopen rate and CSAT, so QC grades generated from the same
 * skills line up with the host data.
 */
final class IssueGenerator {
  private static final String[] FIRST = {
    "Maya", "Jonas", "Priya", "Lucas", "Aisha", "Tomás", "Hannah", "Kenji", "Sofia", "Omar",
    "Elena", "Noah", "Fatima", "Liam", "Chloe", "Ravi"
  };
  private static final String[] LAST = {
    "Keller",
    "Okafor",
    "Nakamura",
    "Silva",
    "Haddad",
    "Novak",
    "Larsen",
    "Moreau",
    "Schmidt",
    "Costa",
    "Ibrahim",
    "Walsh"
  };
  static final String[] SUBJECTS = {
    "Cannot log in after password reset",
    "Invoice %d shows the wrong VAT rate",
    "CSV export times out for large reports",
    "Two-factor code never arrives by SMS",
    "Refund for order %d not received",
    "Dashboard widgets load forever",
    "How do I add a second admin to our account?",
    "API returns 500 when filtering by date",
    "Charged twice for the annual plan",
    "Email notifications stopped on %d March",
    "Cannot upload attachments larger than 10 MB",
    "Please change the billing address on invoice %d",
    "SSO login loops back to the sign-in page",
    "Mobile app crashes when opening settings",
    "Request to delete my account and data",
    "Webhook deliveries failing with timeout"
  };
  private static final String[] LABELS = {
    "billing", "login", "bug", "how-to", "vip", "mobile", "api"
  };
  private static final String[] PRIORITIES = {"Low", "Medium", "Medium", "High", "Highest"};

  private final Random random;
  private final SimOptions options;
  private long changeIds = 1;

  IssueGenerator(SimOptions options) {
    this.options = options;
    this.random = new Random(options.seed());
  }

  List<SimulatedJira.Agent> agents() {
    List<SimulatedJira.Agent> agents = new ArrayList<>();
    List<SimOptions.Project> projects = options.projects();
    for (int i = 0; i < options.agentCount(); i++) {
      String first = FIRST[i % FIRST.length];
      String last = LAST[(i * 7 + 3) % LAST.length];
      double skill = Math.round((0.35 + 0.6 * random.nextDouble()) * 100) / 100.0;
      agents.add(
          new SimulatedJira.Agent(
              "712020:" + new UUID(random.nextLong(), random.nextLong()),
              first + " " + last,
              (first + "." + last).toLowerCase(java.util.Locale.ROOT).replace("á", "a")
                  + "@example.com",
              projects.get(i % projects.size()).key(),
              skill));
    }
    return agents;
  }

  List<SimulatedJira.Customer> customers(int count) {
    List<SimulatedJira.Customer> customers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String name = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
      customers.add(
          new SimulatedJira.Customer(
              "qm:" + new UUID(random.nextLong(), random.nextLong()),
              name,
              "customer" + i + "@customer.example"));
    }
    return customers;
  }

  long nextChangeId() {
    return changeIds++;
  }

  /** A resolved (or, for recent ones, still open) issue created within the simulated weeks. */
  SimIssue issue(
      long id,
      String key,
      SimOptions.Project project,
      SimulatedJira.Agent agent,
      SimulatedJira.Customer reporter) {
    Duration span = Duration.ofDays(7L * options.weeks());
    Instant created =
        options
            .now()
            .minusSeconds((long) (random.nextDouble() * span.toSeconds()))
            .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    String subject = SUBJECTS[random.nextInt(SUBJECTS.length)];
    if (subject.contains("%d")) subject = String.format(subject, 1000 + random.nextInt(9000));
    String type =
        project.serviceDesk()
            ? (random.nextInt(3) == 0 ? "Incident" : "Service Request")
            : (random.nextInt(4) == 0 ? "Bug" : "Support");
    SimIssue issue =
        new SimIssue(
            id,
            key,
            project,
            subject,
            type,
            PRIORITIES[random.nextInt(PRIORITIES.length)],
            reporter.accountId(),
            created,
            agent.skill());
    if (random.nextInt(3) == 0) issue.labels.add(LABELS[random.nextInt(LABELS.length)]);
    double skill = agent.skill();
    Instant pickedUp = created.plusSeconds(60 + random.nextInt(3600));
    Instant resolvedAt =
        pickedUp.plusSeconds(
            (long) (60 * 90 * Math.exp(random.nextGaussian() * 0.7) * (2.2 - 2 * skill)));
    // A weak agent sometimes answers the customer's follow-up only a day or more later; only
    // when that is still in the past, so the random stream of the other issues stays as it was.
    long late = lateReplySeconds(skill, id);
    if (late > 0 && resolvedAt.plusSeconds(late).isBefore(options.now())) {
      issue.lateReplySeconds = late;
      resolvedAt = resolvedAt.plusSeconds(late);
    }
    if (pickedUp.isAfter(options.now())) return issue;
    issue.assign(nextChangeId(), pickedUp, agent.accountId(), agent.accountId());
    issue.transition(nextChangeId(), pickedUp, agent.accountId(), SimStatus.IN_PROGRESS);
    if (resolvedAt.isAfter(options.now())) return issue;
    issue.transition(nextChangeId(), resolvedAt, agent.accountId(), SimStatus.DONE);
    if (random.nextDouble() < 0.3 * (1 - skill)) {
      Instant reopened = resolvedAt.plusSeconds(3600 + random.nextInt(86_400));
      Instant again = reopened.plusSeconds((long) (3600 * (2.2 - 2 * skill)));
      if (again.isBefore(options.now())) {
        issue.transition(nextChangeId(), reopened, reporter.accountId(), SimStatus.IN_PROGRESS);
        issue.transition(nextChangeId(), again, agent.accountId(), SimStatus.DONE);
      }
    }
    if (project.serviceDesk() && random.nextDouble() < 0.4) {
      int rating = (int) Math.round(1.5 + 3.5 * skill + random.nextGaussian() * 0.8);
      issue.csatRating = Math.max(1, Math.min(5, rating));
    }
    return issue;
  }

  /** The delay of the answer to the follow-up when the issue's habits say LATE_REPLY, else 0. */
  private long lateReplySeconds(double skill, long id) {
    Random style = new Random(options.seed() * 131 + id); // the stream thread() reads habits from
    if (!SupportReplies.habits(skill, style).contains(SupportReplies.Habit.LATE_REPLY)) return 0;
    return 3600L * (26 + style.nextInt(48));
  }

  /**
   * The generated conversation of an issue, derived from its id so it needs no storage; the agent's
   * writing habits follow their skill ({@link SupportReplies}).
   */
  static List<String[]> thread(SimIssue issue, long seed) {
    Random r = new Random(seed * 31 + issue.id);
    Set<SupportReplies.Habit> habits =
        SupportReplies.habits(issue.skill, new Random(seed * 131 + issue.id));
    boolean poor =
        habits.contains(SupportReplies.Habit.CURT)
            || habits.contains(SupportReplies.Habit.DEFENSIVE);
    List<String[]> lines = new ArrayList<>();
    lines.add(
        new String[] {
          "customer",
          "Hi, "
              + issue.summary.toLowerCase(java.util.Locale.ROOT)
              + ". This started yesterday and is blocking my team. Can you help?"
        });
    lines.add(
        new String[] {
          "agent",
          SupportReplies.reply(
              poor
                  ? "Please clear your cache and try again."
                  : "I can see what happened on your account. Could you confirm the email address"
                      + " you sign in with so I can fix it?",
              habits,
              true,
              false,
              false,
              "there",
              "Support team",
              r)
        });
    boolean upset = poor && r.nextBoolean();
    lines.add(
        new String[] {
          "customer",
          upset
              ? SupportReplies.upsetCustomer(r)
              : poor
                  ? "I already did that, it still does not work."
                  : "Sure, it is the one on this request. Thanks for looking into it."
        });
    lines.add(
        new String[] {
          "agent",
          SupportReplies.reply(
              poor
                  ? "Should be ok now. Closing."
                  : "All fixed: I corrected the setting and verified it on our side. I'll close"
                      + " this request; reply here if anything else comes up.",
              habits,
              false,
              true,
              upset,
              "there",
              "Support team",
              r)
        });
    return lines;
  }
}
