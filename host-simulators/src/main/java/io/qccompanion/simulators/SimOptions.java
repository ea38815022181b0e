package io.qccompanion.simulators;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * What a simulated host generates and accepts; one shape for every simulator, each reading the
 * fields it needs. Start from a host's defaults ({@code SimulatedZendesk.defaults()}, {@code
 * SimulatedJira.defaults()}) or {@link #builder()}, and copy with a change through {@link
 * #newBuilder()}.
 *
 * @param seed seed of every random choice; the same seed gives the same account
 * @param ticketCount solved/closed tickets (Zendesk, plus 5% still open) or issues (Jira)
 * @param agentCount agents, spread over the groups or projects
 * @param weeks tickets are spread over this many weeks before {@code now}
 * @param now the simulation's present; later changes get times after it
 * @param clock stamps writes (Jira comments and labels bump {@code updated})
 * @param email the API user's email (Basic auth user name)
 * @param apiToken the API token (also accepted as an OAuth Bearer token)
 * @param pat Jira Data Center personal access token (Bearer)
 * @param subdomain Zendesk account subdomain, used in emails
 * @param groupNames Zendesk groups
 * @param flavor Jira {@code cloud}, {@code jsm} or {@code dc}
 * @param projects Jira projects; {@code serviceDesk} ones answer the JSM endpoints
 * @param timeZone the Jira API user's time zone (JQL dates are read in it)
 * @param searchPageCap most issues one Jira search page returns
 */
public record SimOptions(
    long seed,
    int ticketCount,
    int agentCount,
    int weeks,
    Instant now,
    Clock clock,
    String email,
    String apiToken,
    String pat,
    String subdomain,
    List<String> groupNames,
    String flavor,
    List<Project> projects,
    ZoneId timeZone,
    int searchPageCap) {

  /** A Jira project; {@code serviceDesk} projects answer the JSM request endpoints. */
  public record Project(String key, String name, boolean serviceDesk) {}

  public SimOptions {
    if (ticketCount < 0) throw new IllegalArgumentException("ticketCount < 0");
    if (agentCount < 1) throw new IllegalArgumentException("agentCount < 1");
    if (weeks < 1) throw new IllegalArgumentException("weeks < 1");
    if (now == null) throw new IllegalArgumentException("now == null");
    if (email == null || apiToken == null)
      throw new IllegalArgumentException("api credentials == null");
    if (subdomain == null || subdomain.isBlank())
      throw new IllegalArgumentException("subdomain is blank");
    groupNames = List.copyOf(groupNames);
    projects = List.copyOf(projects);
    if (groupNames.isEmpty()) throw new IllegalArgumentException("groupNames is empty");
    if (projects.isEmpty()) throw new IllegalArgumentException("projects is empty");
  }

  /**
   * Defaults: seed 42, 1,000 tickets, 8 agents over 12 weeks before the clock's current minute;
   * Zendesk {@code acme} with groups Billing / Technical Support / Customer Care; Jira Cloud with
   * SUP (software) and HELP (service desk), UTC, 100 issues a search page.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options, to copy with a change. */
  public Builder newBuilder() {
    Builder b = new Builder();
    b.seed = seed;
    b.ticketCount = ticketCount;
    b.agentCount = agentCount;
    b.weeks = weeks;
    b.now = now;
    b.clock = clock;
    b.email = email;
    b.apiToken = apiToken;
    b.pat = pat;
    b.subdomain = subdomain;
    b.groupNames = groupNames;
    b.flavor = flavor;
    b.projects = projects;
    b.timeZone = timeZone;
    b.searchPageCap = searchPageCap;
    return b;
  }

  /** Builds {@link SimOptions}; each setter documents its field on the record. */
  public static final class Builder {
    private long seed = 42;
    private int ticketCount = 1000;
    private int agentCount = 8;
    private int weeks = 12;
    private Instant now;
    private Clock clock = Clock.systemUTC();
    private String email = "qc-service@example.com";
    private String apiToken = "sim-api-token";
    private String pat = "sim-personal-access-token";
    private String subdomain = "acme";
    private List<String> groupNames = List.of("Billing", "Technical Support", "Customer Care");
    private String flavor = "cloud";
    private List<Project> projects =
        List.of(
            new Project("SUP", "Customer Support", false), new Project("HELP", "Help Desk", true));
    private ZoneId timeZone = ZoneId.of("UTC");
    private int searchPageCap = 100;

    private Builder() {}

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder ticketCount(int ticketCount) {
      this.ticketCount = ticketCount;
      return this;
    }

    /** Jira's word for {@link #ticketCount(int)}. */
    public Builder issueCount(int issueCount) {
      return ticketCount(issueCount);
    }

    public Builder agentCount(int agentCount) {
      this.agentCount = agentCount;
      return this;
    }

    public Builder weeks(int weeks) {
      this.weeks = weeks;
      return this;
    }

    /** Defaults to the clock's current minute. */
    public Builder now(Instant now) {
      this.now = now;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    public Builder email(String email) {
      this.email = email;
      return this;
    }

    public Builder apiToken(String apiToken) {
      this.apiToken = apiToken;
      return this;
    }

    public Builder pat(String pat) {
      this.pat = pat;
      return this;
    }

    public Builder subdomain(String subdomain) {
      this.subdomain = subdomain;
      return this;
    }

    public Builder groupNames(List<String> groupNames) {
      this.groupNames = groupNames;
      return this;
    }

    public Builder flavor(String flavor) {
      this.flavor = flavor;
      return this;
    }

    public Builder projects(List<Project> projects) {
      this.projects = projects;
      return this;
    }

    public Builder timeZone(ZoneId timeZone) {
      this.timeZone = timeZone;
      return this;
    }

    public Builder searchPageCap(int searchPageCap) {
      this.searchPageCap = searchPageCap;
      return this;
    }

    public SimOptions build() {
      Instant end = now != null ? now : clock.instant().truncatedTo(ChronoUnit.MINUTES);
      return new SimOptions(
          seed,
          ticketCount,
          agentCount,
          weeks,
          end,
          clock,
          email,
          apiToken,
          pat,
          subdomain,
          groupNames,
          flavor,
          projects,
          timeZone,
          searchPageCap);
    }
  }
}
