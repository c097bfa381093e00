package dev.catalogpolicy.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalogpolicy.catalog.CatalogJson;
import dev.catalogpolicy.engine.Call;
import dev.catalogpolicy.engine.Decision;
import dev.catalogpolicy.engine.RuleSet;
import dev.catalogpolicy.json.BadRequest;
import dev.catalogpolicy.json.Json;
import dev.catalogpolicy.live.DecisionLog;
import dev.catalogpolicy.live.LiveCatalog;
import dev.catalogpolicy.live.RuleReloader;
import dev.catalogpolicy.scenario.CallParser;
import dev.catalogpolicy.scenario.Scenario;
import dev.catalogpolicy.scenario.ScenarioParser;
import dev.catalogpolicy.scenario.ScenarioRunner;
import dev.catalogpolicy.scenario.Step;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;

/** The handlers of the HTTP API (api.md §5). */
final class Api {
  static final String ACCESS = "catalogpolicy.access";
  static final String VERSION_HEADER = "X-Catalog-Version";

  /** A request refused before any decision: its status and {@code {error, message}} body. */
  static final class Refused extends RuntimeException {
    private final int status;
    private final String error;

    Refused(int status, String error, String message) {
      super(message);
      this.status = status;
      this.error = error;
    }

    int status() { return status; }

    ObjectNode body() { return Errors.body(error, getMessage()); }
  }

  private final LiveCatalog live;
  private final RuleReloader reloader;
  private final DecisionLog log;
  private final Metrics metrics;

  Api(LiveCatalog live, RuleReloader reloader, DecisionLog log, Metrics metrics) {
    this.live = live;
    this.reloader = reloader;
    this.log = log;
    this.metrics = metrics;
  }

  /** 401 without a valid token, 403 with a token that may only read. */
  static void requireAdmin(Context ctx) {
    Auth.Access has = ctx.attribute(ACCESS);
    if (has == null || has == Auth.Access.ADMIN) return;
    if (has == Auth.Access.READ) throw new Refused(403, "Forbidden", "changing the live catalog or its rules needs the admin token");
    ctx.header("WWW-Authenticate", "Bearer");
    throw new Refused(401, "Unauthorized", "changing the live catalog or its rules needs Authorization: Bearer <admin token>");
  }

  void health(Context ctx) {
    LiveCatalog.State s = live.state();
    ObjectNode body = Json.MAPPER.createObjectNode().put("status", "ok").put("rulesHash", s.rules().hash())
        .put("catalogVersion", s.version());
    body.putObject("sessions").put("ready", live.sessionsReady()).put("wanted", live.sessionsWanted());
    LiveCatalog.Opened o = live.opened();
    if (!o.problems().isEmpty()) {
      ObjectNode j = body.putObject("journal");
      j.put("recovered", true);
      j.set("problems", Json.MAPPER.valueToTree(o.problems()));
    }
    ctx.json(body);
  }

  void evaluate(Context ctx) {
    Scenario scenario = ScenarioParser.parse(Json.utf8(ctx.bodyAsBytes()));
    if (explainFull(ctx)) {
      scenario = new Scenario(scenario.name(), scenario.source(), scenario.catalog(), scenario.steps().stream()
          .map(st -> new Step(st.id(), st.call().withExplain(true), st.expect(), st.line())).toList());
    }
    ctx.json(EvaluateResponse.of(ScenarioRunner.run(live.state().rules(), scenario)));
  }

  void calls(Context ctx) {
    Call call = CallParser.parse(Json.parse(ctx.bodyAsBytes()), "$");
    if (explainFull(ctx)) call = call.withExplain(true);
    if (!call.isDryRun() && call.explained() == null) requireAdmin(ctx);
    long t0 = System.nanoTime();
    LiveCatalog.Decided d = live.submit(call);
    answer(ctx, "calls", call, d, t0);
  }

  void launchPaths(Context ctx) {
    ObjectNode node = Json.MAPPER.createObjectNode().put("call", "ListLaunchPaths");
    ObjectNode caller = node.putObject("caller");
    query(ctx, caller, "account", "account");
    query(ctx, caller, "region", "region");
    query(ctx, caller, "principal", "principal");
    var groups = ctx.queryParams("group");
    if (!groups.isEmpty()) caller.set("groups", Json.MAPPER.valueToTree(groups));
    query(ctx, node.putObject("input"), "product", "ProductId");
    Call call;
    try {
      call = CallParser.parse(node, "$");
    } catch (BadRequest e) {
      throw new BadRequest(queryPath(e.path()), e.getMessage());
    }
    if (explainFull(ctx)) call = call.withExplain(true);
    long t0 = System.nanoTime();
    answer(ctx, "launch-paths", call, live.decide(call), t0);
  }

  void getCatalog(Context ctx) {
    LiveCatalog.State s = live.state();
    ctx.header(VERSION_HEADER, Long.toString(s.version()));
    ctx.json(CatalogJson.write(s.catalog()));
  }

  void putCatalog(Context ctx) throws IOException {
    var catalog = CatalogJson.read(Json.parse(ctx.bodyAsBytes()), "$");
    live.replace(catalog);
    ObjectNode audit = Json.MAPPER.createObjectNode().put("call", "AuditCatalog");
    audit.putObject("caller").put("account", ctx.queryParamAsClass("account", String.class).getOrDefault("000000000000"))
        .put("region", ctx.queryParamAsClass("region", String.class).getOrDefault("us-east-1"));
    Call call = CallParser.parse(audit, "$.query");
    long t0 = System.nanoTime();
    answer(ctx, "catalog", call, live.decide(call), t0);
  }

  void rules(Context ctx) {
    RuleSet rs = live.state().rules();
    ObjectNode body = Json.MAPPER.createObjectNode().put("hash", rs.hash());
    body.set("files", Json.MAPPER.valueToTree(rs.files()));
    body.set("rules", Json.MAPPER.valueToTree(rs.rules()));
    RuleReloader.Result last = reloader.last();
    if (last != null) body.set("lastReload", reloadBody(last));
    ctx.json(body);
  }

  void reload(Context ctx) throws InterruptedException {
    RuleReloader.Result r = reloader.reload();
    ctx.status(r.ok() ? 200 : 422).json(reloadBody(r));
  }

  void openApi(Context ctx) {
    try (InputStream in = Api.class.getResourceAsStream("/openapi.json")) {
      if (in == null) throw new IllegalStateException("openapi.json is missing from the jar");
      ctx.contentType("application/json").result(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ObjectNode reloadBody(RuleReloader.Result r) {
    ObjectNode b = Json.MAPPER.createObjectNode();
    if (r.ok()) {
      b.put("status", "reloaded").put("hash", r.serving().hash()).put("rules", r.serving().rules().size());
    } else {
      b.put("error", "RulesDoNotCompile")
          .put("message", r.errors().size() + " error(s); the previous rules (hash " + r.serving().hash() + ") keep serving");
      b.set("errors", Json.MAPPER.valueToTree(r.errors()));
      b.put("serving", r.serving().hash());
    }
    return b.put("millis", r.millis());
  }

  /** Answers a decision, with the catalog version, and logs and counts it. */
  private void answer(Context ctx, String endpoint, Call call, LiveCatalog.Decided d, long t0) {
    Decision decision = d.result().decision();
    metrics.decision(call.getName(), decision.decision(), d.applied(), System.nanoTime() - t0);
    log.append(new DecisionLine(endpoint, Instant.now(), d.state().rules().hash(), d.state().version(), call, decision,
        d.applied()));
    ctx.header(VERSION_HEADER, Long.toString(d.state().version()));
    try { // as ctx.json does with the same mapper, without the detour through a String
      ctx.contentType("application/json").result(Json.MAPPER.writeValueAsBytes(decision));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean explainFull(Context ctx) {
    String e = ctx.queryParam("explain");
    if (e == null) return false;
    if (e.equals("full")) return true;
    throw new BadRequest("$.query.explain", "explain must be 'full', got '" + e + "'");
  }

  private static void query(Context ctx, ObjectNode into, String param, String key) {
    String v = ctx.queryParam(param);
    if (v != null) into.put(key, v);
  }

  private static final Map<String, String> QUERY_PATHS = Map.of("$.caller.account", "$.query.account",
      "$.caller.region", "$.query.region", "$.caller.principal", "$.query.principal", "$.input.ProductId",
      "$.query.product", "$.caller", "$.query.account");

  private static String queryPath(String path) {
    return QUERY_PATHS.getOrDefault(path, path.startsWith("$.caller.groups") ? "$.query.group" : path);
  }
}
