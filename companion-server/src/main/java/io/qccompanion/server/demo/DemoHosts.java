package io.qccompanion.server.demo;

import io.qccompanion.simulators.jira.SimulatedJira;
import io.qccompanion.simulators.zendesk.SimulatedZendesk;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The simulated Zendesk and Jira the demo pulls from: one Zendesk account with three groups, one
 * Jira site with a Cloud software project (SUP) and a Service Management project (HELP). Agents
 * carry a skill level the demo's graders use, so grades agree with CSAT and reopens.
 */
public final class DemoHosts implements AutoCloseable {
  private final SimulatedZendesk zendesk;
  private final SimulatedJira jira;

  public DemoHosts(long seed, Instant now) {
    this.zendesk = SimulatedZendesk.start(SimulatedZendesk.defaults().seed(seed).now(now).build());
    this.jira = SimulatedJira.start(SimulatedJira.defaults().seed(seed).now(now).build());
  }

  /**
   * The same hosts scaled down for tests: {@code tickets} tickets (Zendesk) and issues (Jira) each,
   * shared by {@code agents} agents per host, so each agent still has tickets every week.
   */
  public DemoHosts(long seed, Instant now, int tickets, int agents) {
    this.zendesk =
        SimulatedZendesk.start(
            SimulatedZendesk.defaults()
                .seed(seed)
                .now(now)
                .ticketCount(tickets)
                .agentCount(agents)
                .build());
    this.jira =
        SimulatedJira.start(
            SimulatedJira.defaults()
                .seed(seed)
                .now(now)
                .issueCount(tickets)
                .agentCount(agents)
                .build());
  }

  public SimulatedZendesk zendesk() {
    return zendesk;
  }

  public SimulatedJira jira() {
    return jira;
  }

  /** Where the simulated hosts listen, for the demo's banner. */
  public String describe() {
    return "  simulated Zendesk: " + zendesk.baseUrl() + "\n  simulated Jira:    " + jira.baseUrl();
  }

  /** Skill (0..1) of every simulated agent by email. */
  public Map<String, Double> skillByEmail() {
    Map<String, Double> skill = new HashMap<>();
    zendesk.agents().forEach(a -> skill.put(a.email().toLowerCase(), a.skill()));
    jira.agents().forEach(a -> skill.put(a.email().toLowerCase(), a.skill()));
    return skill;
  }

  @Override
  public void close() {
    zendesk.close();
    jira.close();
  }
}
