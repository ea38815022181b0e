package io.qccompanion.server.sampling;

import static io.qccompanion.server.auth.Role.ADMIN;
import static io.qccompanion.server.auth.Role.STAFF;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.qccompanion.server.auth.Authenticator;
import io.qccompanion.server.auth.Principal;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.store.Database;
import io.qccompanion.server.web.Bodies;
import io.qccompanion.server.web.HttpProblem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * The sampling API: policies, runs, previews, replacement statistics, agents' tiers, and (through
 * {@link SampleRoutes}) the QC queue and sample actions.
 */
public final class SamplingRoutes {
  private final Database db;
  private final Clock clock;
  private final SamplingPolicies policies;
  private final CompetencyTiers tiers;
  private final SamplingEngine engine;
  private final PolicyPreview preview;
  private final SampleRoutes samples;
  private final WeightedQualityRoutes weighted;

  public SamplingRoutes(Database db, Sampling sampling) {
    this.db = db;
    this.clock = sampling.clock();
    this.policies = sampling.policies();
    this.tiers = sampling.tiers();
    this.engine = sampling.engine();
    this.preview = new PolicyPreview(clock, tiers);
    this.samples = new SampleRoutes(db, sampling.clock(), sampling.actions());
    this.weighted = new WeightedQualityRoutes(db, sampling.clock());
  }

  /** Registers the sampling, queue, sample and weighted-quality routes. */
  public void register(RoutesConfig r) {
    samples.register(r);
    weighted.register(r);
    r.get("/api/v1/sampling/policies", ctx -> getPolicy(ctx, null), STAFF);
    r.put("/api/v1/sampling/policies", ctx -> putPolicy(ctx, null), ADMIN);
    r.get(
        "/api/v1/sampling/policies/{teamId}",
        ctx -> getPolicy(ctx, ctx.pathParam("teamId")),
        STAFF);
    r.put(
        "/api/v1/sampling/policies/{teamId}",
        ctx -> putPolicy(ctx, ctx.pathParam("teamId")),
        ADMIN);
    r.post("/api/v1/sampling/run", this::run, ADMIN);
    r.post("/api/v1/sampling/preview", this::preview, ADMIN);
    r.get("/api/v1/sampling/replacements", this::replacements, STAFF);
    r.get("/api/v1/agents/{id}/tier", this::tier, STAFF);
  }

  private void getPolicy(Context ctx, String teamId) {
    Principal p = Authenticator.principal(ctx);
    if (teamId != null && !p.seesTeam(teamId))
      throw HttpProblem.forbidden("team outside your scope");
    ctx.json(
        db.read(
            h -> {
              requireTeam(h, teamId);
              return policies.effective(h, teamId);
            }));
  }

  private void putPolicy(Context ctx, String teamId) {
    Principal p = Authenticator.principal(ctx);
    SamplingPolicy body = Bodies.read(ctx, SamplingPolicy.class);
    ctx.json(
        db.write(
            h -> {
              requireTeam(h, teamId);
              SamplingPolicy base = policies.effective(h, null).config();
              SamplingPolicy complete = PolicyRules.validate(body.withDefaults(base), "");
              return policies.put(h, teamId, complete, p.userId());
            }));
  }

  record Window(Instant from, Instant to) {}

  private void run(Context ctx) {
    Window w = Bodies.read(ctx, Window.class);
    Params.window(w.from(), w.to(), "/from", "/to");
    ctx.json(db.write(h -> engine.sampleWindow(h, w.from(), w.to())));
  }

  record PreviewRequest(String teamId, Instant from, Instant to, SamplingPolicy policy) {}

  private void preview(Context ctx) {
    PreviewRequest req = Bodies.read(ctx, PreviewRequest.class);
    Params.window(req.from(), req.to(), "/from", "/to");
    ctx.json(
        db.read(
            h -> {
              if (req.teamId() != null) requireTeam(h, req.teamId());
              SamplingPolicy base = policies.effective(h, req.teamId()).config();
              SamplingPolicy policy =
                  req.policy() == null
                      ? base
                      : PolicyRules.validate(req.policy().withDefaults(base), "/policy");
              return preview.run(h, req.teamId(), req.from(), req.to(), policy);
            }));
  }

  private void replacements(Context ctx) {
    Principal p = Authenticator.principal(ctx);
    Instant to = Params.instant(ctx, "to", clock.instant().plusMillis(1));
    Instant from = Params.instant(ctx, "from", to.minus(Duration.ofDays(28)));
    Params.window(from, to, "from", "to");
    String teamId = ctx.queryParam("teamId");
    if (teamId != null && !p.seesTeam(teamId))
      throw HttpProblem.forbidden("team outside your scope");
    Set<String> scope = p.is(Role.ADMIN) ? Set.of() : p.teamIds();
    ctx.json(db.read(h -> ReplacementStats.of(h, from, to, teamId, scope)));
  }

  private void tier(Context ctx) {
    Principal p = Authenticator.principal(ctx);
    String agentId = ctx.pathParam("id");
    ctx.json(
        db.read(
            h -> {
              String team =
                  h.createQuery("SELECT team_id FROM agents WHERE id = :id")
                      .bind("id", agentId)
                      .mapToMap()
                      .findOne()
                      .map(m -> (String) m.get("team_id"))
                      .orElseThrow(() -> HttpProblem.notFound("agent", agentId));
              if (!p.seesTeam(team)) throw HttpProblem.notFound("agent", agentId);
              var policy = policies.effective(h, team);
              TierAssessment a = tiers.assess(h, agentId, policy.config().tiers());
              return Map.of(
                  "assessment",
                  a,
                  "rate",
                  a.rate(policy.config().rates()),
                  "policyId",
                  policy.id() == null ? "built-in" : policy.id(),
                  "teamId",
                  team == null ? "" : team);
            }));
  }

  private static void requireTeam(Handle h, String teamId) {
    if (teamId == null) return;
    boolean exists =
        h.createQuery("SELECT COUNT(*) FROM teams WHERE id = :id")
                .bind("id", teamId)
                .mapTo(Integer.class)
                .one()
            > 0;
    if (!exists) throw HttpProblem.notFound("team", teamId);
  }
}
