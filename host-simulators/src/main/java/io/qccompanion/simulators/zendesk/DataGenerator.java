package io.qccompanion.simulators.zendesk;

import io.qccompanion.simulators.SimOptions;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

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

  static String requesterName(long requesterId) {
    int i = (int) (requesterId - REQUESTER_ID_BASE);
    return FIRST[(i * 13) % FIRST.length] + " " + LAST[(i * 17 + i / 7) % LAST.length];
  }

  static String requesterEmail(long requesterId) {
    return requesterName(requesterId).toLowerCase().replace(' ', '.').replaceAll("[^a-z.]", "")
        + (requesterId - REQUESTER_ID_BASE)
        + "@customer.example.org";
  }

  /** A solved or closed ticket created within the configured weeks before {@code now}. */
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
    t.createdAt = created;
    t.solvedAt = solved;
    boolean closed = solved.isBefore(now.minus(Duration.ofDays(4)));
    t.status = closed ? "closed" : "solved";
    t.updatedAt = closed ? solved.plus(Duration.ofDays(4)) : solved;
    csat(t, s, random);
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

  /** Builds the conversation deterministically from the ticket; called on first access. */
  List<Comment> conversation(SimTicket t, long firstCommentId) {
    Random random = new Random(options.seed() * 31 + t.id);
    List<Comment> out = new ArrayList<>();
    long agent = t.assigneeId == null ? AGENT_ID_BASE : t.assigneeId;
    Instant start = t.createdAt;
    Instant end = t.solvedAt != null ? t.solvedAt : t.updatedAt;
    List<long[]> authors = new ArrayList<>(); // [authorId, public(1/0)]
    List<String> bodies = new ArrayList<>();
    authors.add(new long[] {t.requesterId, 1});
    bodies.add(t.topic.openings.get(t.variant % t.topic.openings.size()));
    String answer = t.topic.answers.get(t.variant % t.topic.answers.size());
    for (int r = 1; r <= t.replies; r++) {
      boolean last = r == t.replies;
      if (random.nextDouble() < 0.2) {
        authors.add(new long[] {agent, 0});
        bodies.add(INTERNAL_NOTES[random.nextInt(INTERNAL_NOTES.length)]);
      }
      authors.add(new long[] {agent, 1});
      bodies.add(
          last ? answer : Topic.CLARIFICATIONS.get(random.nextInt(Topic.CLARIFICATIONS.size())));
      if (!last) {
        authors.add(new long[] {t.requesterId, 1});
        bodies.add(Topic.FOLLOW_UPS.get(random.nextInt(Topic.FOLLOW_UPS.size())));
      }
    }
    for (int r = 0; r < t.reopens; r++) {
      authors.add(new long[] {t.requesterId, 1});
      bodies.add(Topic.FOLLOW_UPS.get(random.nextInt(Topic.FOLLOW_UPS.size())));
      authors.add(new long[] {agent, 1});
      bodies.add(answer);
    }
    if (t.solvedAt != null && !"bad".equals(t.csatScore)) {
      authors.add(new long[] {t.requesterId, 1});
      bodies.add(Topic.THANKS.get(random.nextInt(Topic.THANKS.size())));
      authors.add(new long[] {agent, 1});
      bodies.add(Topic.SIGN_OFFS.get(random.nextInt(Topic.SIGN_OFFS.size())));
    }
    long span = Math.max(1, Duration.between(start, end).toSeconds());
    for (int i = 0; i < bodies.size(); i++) {
      Instant at = start.plusSeconds(span * i / Math.max(1, bodies.size() - 1));
      String body = bodies.get(i);
      out.add(
          new Comment(
              firstCommentId + i,
              authors.get(i)[0],
              authors.get(i)[1] == 1,
              body,
              "<div class=\"zd-comment\"><p>" + html(body) + "</p></div>",
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
