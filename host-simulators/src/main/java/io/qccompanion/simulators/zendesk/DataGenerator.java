package io.qccompanion.simulators.zendesk;

import io.qccompanion.simulators.SimOptions;
import io.qccompanion.simulators.SupportReplies;
import io.qccompanion.simulators.SupportReplies.Habit;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Generates the simulated account from a seed: groups, agents with a skill level, requesters and
 * tickets whose CSAT, reopens, replies and handle time follow the assignee's skill. Conversations
 * are generated on demand from the ticket id, so large accounts stay cheap.
 */
final class DataGenerator {
  static final long AGENT_ID_BASE = 360_000_100_000L;
  static final long GROUP_ID_BASE = 360_000_200_000L;
  static final long REQUESTER_ID_BASE = 360_000_300_000L;
  static final int REQUESTERS = 1500;

  /** How long ago the new hires (see {@link #newHire}) started. */
  static final Duration HIRED_AGO = Duration.ofDays(20);

  private static final String[] FIRST = {
    "Amelia", "Noah", "Sofia", "Liam", "Maya", "Lucas", "Chloe", "Ethan", "Zara", "Mateo", "Priya",
    "Oscar", "Hana", "Jonas", "Leila", "Tomás", "Ingrid", "Kwame", "Elena", "Rafael", "Aisha",
        "Finn",
    "Mei", "Daniel", "Nora", "Samir", "Julia", "Arjun", "Clara", "Diego"
  };
  private static final String[] LAST = {
    "Hughes", "Okafor", "Lindqvist", "Moreau", "Tanaka", "Novak", "Fischer", "Ramos", "Patel",
    "Kowalski", "Brennan", "Haddad", "Jensen", "Costa", "Nguyen", "Adeyemi", "Schmidt", "Rossi",
    "Murphy", "Sato", "Dubois", "Larsen", "Mendes", "Ali", "Walsh"
  };
  private static final String[] CHANNELS = {"email", "web", "chat", "api", "voice", "mobile"};
  private static final int[] CHANNEL_WEIGHTS = {40, 25, 15, 5, 10, 5};
  private static final String[] PRIORITIES = {"low", "normal", "high", "urgent"};
  private static final int[] PRIORITY_WEIGHTS = {15, 60, 20, 5};
  private static final String[] PLANS = {"plan_basic", "plan_pro", "plan_enterprise"};
  private static final String[] INTERNAL_NOTES = {
    "Checked the account logs, nothing unusual before the customer's report.",
    "Asked a colleague in Tier 2 to double-check before replying.",
    "Customer is on the enterprise plan; keep the account manager in the loop.",
    "Known issue, linked to the engineering ticket."
  };

  private final SimOptions options;
  final List<Group> groups = new ArrayList<>();
  final List<Agent> agents = new ArrayList<>();
  private final List<List<Agent>> agentsByGroup = new ArrayList<>();

  DataGenerator(SimOptions options) {
    this.options = options;
    Random random = new Random(options.seed());
    for (int g = 0; g < options.groupNames().size(); g++) {
      groups.add(new Group(GROUP_ID_BASE + g, options.groupNames().get(g)));
      agentsByGroup.add(new ArrayList<>());
    }
    for (int a = 0; a < options.agentCount(); a++) {
      String first = FIRST[(a * 7 + random.nextInt(3)) % FIRST.length];
      String last = LAST[(a * 11 + random.nextInt(5)) % LAST.length];
      Group group = groups.get(a % groups.size());
      // Skill spreads evenly from 0.35 to 0.95 with a little noise, so every demo has strong and
      // struggling agents.
      double spread = options.agentCount() == 1 ? 0.5 : (double) a / (options.agentCount() - 1);
      double skill = clamp(0.35 + 0.6 * spread + (random.nextDouble() - 0.5) * 0.08, 0.05, 0.99);
      String email =
          (first + "." + last).toLowerCase().replaceAll("[^a-z.]", "")
              + a
              + "@"
              + options.subdomain()
              + ".example.com";
      Agent agent =
          new Agent(
              AGENT_ID_BASE + a,
              first + " " + last,
              email,
              group.id(),
              group.name(),
              round2(skill));
      agents.add(agent);
      agentsByGroup.get(a % groups.size()).add(agent);
    }
  }

  /**
   * Whether the agent joined recently (two in an account of ten or more: the 5th and 15th): they
   * have tickets of the last {@link #HIRED_AGO} only, so a demo shows agents in their first weeks.
   */
  boolean newHire(Agent agent) {
    int i = index(agent);
    return agents.size() >= 10 && i % 10 == 4;
  }

  private static int index(Agent agent) {
    return (int) (agent.id() - AGENT_ID_BASE);
  }

  static String requesterName(long requesterId) {
    int i = (int) (requesterId - REQUESTER_ID_BASE);
    return FIRST[(i * 13) % FIRST.length] + " " + LAST[(i * 17 + i / 7) % LAST.length];
  }

  static String requesterEmail(long requesterId) {
    return requesterName(requesterId).toLowerCase().replace(' ', '.').replaceAll("[^a-z.]", "")
        + (requesterId - REQUESTER_ID_BASE)
        + "@customer.example.org";
  }

  /**
   * A solved or closed ticket created within the configured weeks before {@code now}.
   *
   * @param id the ticket's place in generation order, distinct per ticket (its final id follows
   *     creation time and is assigned later); seeds its writing habits and language
   */
  SimTicket solvedTicket(long id, Random random) {
    Instant now = options.now();
    SimTicket t = newTicket(id, random);
    Agent agent = assign(t, random);
    double s = agent.skill();
    t.replies = 1;
    double extraRound = 0.45 - 0.3 * s;
    while (t.replies < 6 && random.nextDouble() < extraRound) t.replies++;
    if (random.nextDouble() < 0.32 * Math.pow(1 - s, 1.2)) {
      t.reopens = random.nextDouble() < 0.2 ? 2 : 1;
    }
    double chatFactor = t.channel.equals("chat") || t.channel.equals("voice") ? 0.1 : 1.0;
    t.firstReplyMinutes =
        Math.max(1, Math.round(logNormal(random, 45 * (1.6 - s) * chatFactor, 0.8)));
    long resolution = t.firstReplyMinutes;
    for (int r = 1; r < t.replies; r++) resolution += 30 + random.nextInt(1400);
    resolution += t.reopens * (600L + random.nextInt(2400));
    t.fullResolutionMinutes = resolution;
    long handle =
        Math.round(
            t.topic.baseHandleSeconds
                * (1.7 - s)
                * Math.pow(t.replies + t.reopens, 0.6)
                * (0.7 + 0.7 * random.nextDouble()));
    t.customFields.put(SimulatedZendesk.HANDLE_TIME_FIELD_ID, Long.toString(handle));
    t.customFields.put(SimulatedZendesk.PRODUCT_AREA_FIELD_ID, t.topic.tag);
    Instant latestSolve = now.minus(Duration.ofMinutes(5));
    Duration window = Duration.ofDays(7L * options.weeks());
    Instant created = businessTime(now.minus(window), window, random);
    Instant solved = created.plus(Duration.ofMinutes(resolution));
    if (solved.isAfter(latestSolve)) {
      solved = latestSolve.minusSeconds(random.nextInt(3600));
      created = solved.minus(Duration.ofMinutes(resolution));
    }
    if (newHire(agent) && created.isBefore(now.minus(HIRED_AGO))) {
      // Before a new hire's start date their group's other agents took the ticket.
      List<Agent> others =
          agentsByGroup.get(index(agent) % groups.size()).stream()
              .filter(a -> !newHire(a))
              .toList();
      if (!others.isEmpty()) t.assigneeId = others.get((int) (id % others.size())).id();
    }
    t.createdAt = created;
    t.solvedAt = solved;
    boolean closed = solved.isBefore(now.minus(Duration.ofDays(4)));
    t.status = closed ? "closed" : "solved";
    t.updatedAt = closed ? solved.plus(Duration.ofDays(4)) : solved;
    csat(t, s, random);
    // Writing habits come from their own per-ticket stream, so the rest of the account stays as
    // it was; a slow ticket waited more than a day for its first reply, a late one for the answer
    // to the customer's follow-up (solve time unchanged: the ticket was created earlier).
    Random style = new Random(options.seed() * 131 + id);
    t.habits = SupportReplies.habits(s, style);
    t.language = SupportReplies.foreignLanguage(style);
    if (t.habits.contains(Habit.SLOW)) {
      long wait = 26 * 60 + style.nextInt(24 * 60);
      t.firstReplyMinutes += wait;
      t.fullResolutionMinutes += wait;
      t.createdAt = t.createdAt.minus(Duration.ofMinutes(wait));
    }
    if (t.habits.contains(Habit.LATE_REPLY) && t.language == null && t.replies + t.reopens >= 2) {
      t.lateReplyMinutes = 26 * 60 + style.nextInt(48 * 60);
      t.fullResolutionMinutes += t.lateReplyMinutes;
      t.createdAt = t.createdAt.minus(Duration.ofMinutes(t.lateReplyMinutes));
    } else t.habits.remove(Habit.LATE_REPLY); // no follow-up to answer late
    return t;
  }

  /** A ticket still being worked on (new/open/pending), created in the last days. */
  SimTicket openTicket(long id, Random random) {
    SimTicket t = newTicket(id, random);
    assign(t, random);
    String[] statuses = {"new", "open", "open", "pending"};
    t.status = statuses[random.nextInt(statuses.length)];
    if (t.status.equals("new")) t.assigneeId = null;
    t.createdAt = options.now().minus(Duration.ofMinutes(10 + random.nextInt(4 * 24 * 60)));
    t.updatedAt = t.createdAt.plus(Duration.ofMinutes(random.nextInt(5)));
    t.replies = t.status.equals("new") ? 0 : 1;
    t.firstReplyMinutes = t.replies == 0 ? 0 : 5 + random.nextInt(120);
    return t;
  }

  private SimTicket newTicket(long id, Random random) {
    Topic topic = Topic.values()[random.nextInt(Topic.values().length)];
    SimTicket t =
        new SimTicket(
            id,
            topic,
            random.nextInt(topic.subjects.size()),
            pick(CHANNELS, CHANNEL_WEIGHTS, random),
            pick(PRIORITIES, PRIORITY_WEIGHTS, random),
            REQUESTER_ID_BASE + random.nextInt(REQUESTERS));
    t.tags.add(topic.tag);
    t.tags.add(PLANS[random.nextInt(PLANS.length)]);
    if (random.nextDouble() < 0.05) t.tags.add("vip");
    if (topic == Topic.REFUNDS) t.tags.add("refund_requested");
    return t;
  }

  private Agent assign(SimTicket t, Random random) {
    int groupIndex = Math.min(t.topic.index * groups.size() / 6, groups.size() - 1);
    List<Agent> pool = agentsByGroup.get(groupIndex);
    if (pool.isEmpty()) pool = agents;
    Agent agent = pool.get(random.nextInt(pool.size()));
    t.assigneeId = agent.id();
    t.groupId = groupIndex < groups.size() ? groups.get(groupIndex).id() : agent.groupId();
    return agent;
  }

  private static void csat(SimTicket t, double skill, Random random) {
    if (random.nextDouble() >= 0.6) return; // survey not sent
    if (random.nextDouble() >= 0.5) {
      t.csatScore = "offered"; // sent, not answered
      return;
    }
    double good = clamp(0.45 + 0.5 * skill - 0.15 * t.reopens - 0.03 * (t.replies - 1), 0.05, 0.98);
    boolean isGood = random.nextDouble() < good;
    t.csatScore = isGood ? "good" : "bad";
    if (random.nextDouble() < 0.6) {
      List<String> comments = isGood ? Topic.GOOD_CSAT : Topic.BAD_CSAT;
      t.csatComment = comments.get(random.nextInt(comments.size()));
    }
  }

  /**
   * Builds the conversation deterministically from the ticket; called on first access. The first
   * agent reply comes after the ticket's first-reply time, the rest spread over the resolution.
   */
  List<Comment> conversation(SimTicket t, long firstCommentId) {
    Random random = new Random(options.seed() * 31 + t.id);
    long agent = t.assigneeId == null ? AGENT_ID_BASE : t.assigneeId;
    String customer = requesterName(t.requesterId).split(" ")[0];
    int index = (int) (agent - AGENT_ID_BASE);
    String agentName =
        index >= 0 && index < agents.size() ? agents.get(index).name().split(" ")[0] : "Support";
    Set<Habit> habits = t.habits;
    List<long[]> authors = new ArrayList<>(); // [authorId, public(1/0)]
    List<String> bodies = new ArrayList<>();
    if (t.language != null) {
      List<String> lines =
          SupportReplies.foreignConversation(t.language, habits, customer, agentName);
      for (int i = 0; i < lines.size(); i++) {
        authors.add(new long[] {i % 2 == 0 ? t.requesterId : agent, 1});
        bodies.add(lines.get(i));
      }
      return comments(t, firstCommentId, authors, bodies);
    }
    authors.add(new long[] {t.requesterId, 1});
    bodies.add(t.topic.openings.get(t.variant % t.topic.openings.size()));
    String answer = t.topic.answers.get(t.variant % t.topic.answers.size());
    boolean upset = false;
    boolean endsBadly =
        "bad".equals(t.csatScore) || habits.contains(Habit.DEFENSIVE) && random.nextBoolean();
    int rounds = t.replies + t.reopens;
    int late = -1; // the agent reply that answers the customer's first follow-up days later
    for (int r = 1; r <= rounds; r++) {
      boolean last = r == rounds;
      if (random.nextDouble() < 0.2) {
        authors.add(new long[] {agent, 0});
        bodies.add(INTERNAL_NOTES[random.nextInt(INTERNAL_NOTES.length)]);
      }
      String body =
          r >= t.replies
              ? answer
              : Topic.CLARIFICATIONS.get(random.nextInt(Topic.CLARIFICATIONS.size()));
      boolean closes = last && (endsBadly || t.solvedAt == null);
      if (r == 2 && t.lateReplyMinutes > 0) late = bodies.size();
      authors.add(new long[] {agent, 1});
      bodies.add(
          SupportReplies.reply(body, habits, r == 1, closes, upset, customer, agentName, random));
      if (!last) {
        boolean poor = habits.contains(Habit.CURT) || habits.contains(Habit.DEFENSIVE);
        upset = poor && random.nextBoolean();
        authors.add(new long[] {t.requesterId, 1});
        bodies.add(
            upset
                ? SupportReplies.upsetCustomer(random)
                : Topic.FOLLOW_UPS.get(random.nextInt(Topic.FOLLOW_UPS.size())));
      }
    }
    if (t.solvedAt != null && endsBadly) {
      authors.add(new long[] {t.requesterId, 1});
      bodies.add(SupportReplies.unhappyEnding(random));
    } else if (t.solvedAt != null) {
      authors.add(new long[] {t.requesterId, 1});
      bodies.add(Topic.THANKS.get(random.nextInt(Topic.THANKS.size())));
      authors.add(new long[] {agent, 1});
      String signOff = Topic.SIGN_OFFS.get(random.nextInt(Topic.SIGN_OFFS.size()));
      bodies.add(
          SupportReplies.reply(signOff, habits, false, true, false, customer, agentName, random));
    }
    return comments(t, firstCommentId, authors, bodies, late);
  }

  private static List<Comment> comments(
      SimTicket t, long firstCommentId, List<long[]> authors, List<String> bodies) {
    return comments(t, firstCommentId, authors, bodies, -1);
  }

  /** {@code late}: index of the message that comes {@link SimTicket#lateReplyMinutes} late. */
  private static List<Comment> comments(
      SimTicket t, long firstCommentId, List<long[]> authors, List<String> bodies, int late) {
    Instant start = t.createdAt;
    Instant end = t.solvedAt != null ? t.solvedAt : t.updatedAt;
    long span = Math.max(1, Duration.between(start, end).toSeconds());
    long gap = late < 0 ? 0 : Math.max(0, Math.min(span - 60, t.lateReplyMinutes * 60));
    long spread = span - gap;
    long firstReply = Math.min(spread * 9 / 10, Math.max(60, t.firstReplyMinutes * 60));
    List<Comment> out = new ArrayList<>();
    for (int i = 0; i < bodies.size(); i++) {
      // The opening at the start, the first reply after the first-reply time, the rest spread
      // evenly up to the solve; a late reply and everything after it come the gap later.
      Instant at =
          i == 0
              ? start
              : start.plusSeconds(
                  firstReply
                      + (spread - firstReply) * (i - 1) / Math.max(1, bodies.size() - 2)
                      + (late >= 0 && i >= late ? gap : 0));
      String body = bodies.get(i);
      out.add(
          new Comment(
              firstCommentId + i,
              authors.get(i)[0],
              authors.get(i)[1] == 1,
              body,
              "<div class=\"zd-comment\"><p>"
                  + html(body).replace("\n\n", "</p><p>").replace("\n", "<br>")
                  + "</p></div>",
              at));
    }
    return out;
  }

  static String html(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static Instant businessTime(Instant from, Duration window, Random random) {
    for (int tries = 0; ; tries++) {
      Instant at = from.plusSeconds((long) (random.nextDouble() * window.toSeconds()));
      var time = at.atZone(ZoneOffset.UTC);
      boolean weekend =
          time.getDayOfWeek() == DayOfWeek.SATURDAY || time.getDayOfWeek() == DayOfWeek.SUNDAY;
      boolean night = time.getHour() < 7 || time.getHour() > 19;
      if (tries > 5
          || (!weekend || random.nextDouble() < 0.3) && (!night || random.nextDouble() < 0.2)) {
        return at;
      }
    }
  }

  private static String pick(String[] values, int[] weights, Random random) {
    int total = 0;
    for (int w : weights) total += w;
    int roll = random.nextInt(total);
    for (int i = 0; i < values.length; i++) {
      roll -= weights[i];
      if (roll < 0) return values[i];
    }
    return values[values.length - 1];
  }

  private static double logNormal(Random random, double median, double sigma) {
    return median * Math.exp(sigma * random.nextGaussian());
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  private static double round2(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
