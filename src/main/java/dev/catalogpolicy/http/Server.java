package dev.catalogpolicy.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalogpolicy.catalog.Catalog;
import dev.catalogpolicy.catalog.CatalogJson;
import dev.catalogpolicy.engine.Engine;
import dev.catalogpolicy.engine.EngineException;
import dev.catalogpolicy.engine.RuleCompileException;
import dev.catalogpolicy.engine.RuleCompiler;
import dev.catalogpolicy.engine.RuleSet;
import dev.catalogpolicy.json.BadRequest;
import dev.catalogpolicy.json.Json;
import dev.catalogpolicy.scenario.Scenario;
import dev.catalogpolicy.scenario.ScenarioParser;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/** The HTTP API (api.md §5): thin handlers over the engine; every fault in a request is a 400 with its JSON path. */
public final class Server {
  private static final Logger LOG = LoggerFactory.getLogger(Server.class);
  private static final long MAX_BODY = 16L * 1024 * 1024;

  private final Javalin app;
  private final AtomicReference<RuleSet> rules = new AtomicReference<>();
  private final AtomicReference<Catalog> catalog = new AtomicReference<>();
  private final AtomicReference<Long> catalogVersion = new AtomicReference<>(0L);
  private final CountDownLatch stopped = new CountDownLatch(1);

  private Server(ServerConfig config) {
    this.app = Javalin.create(cfg -> {
      cfg.startup.showJavalinBanner = false;
      cfg.http.maxRequestSize = MAX_BODY;
      cfg.jsonMapper(new JavalinJackson(Json.MAPPER, false));
      cfg.routes.get("/health", this::health);
      cfg.routes.post("/v1/evaluate", this::evaluate);
      cfg.routes.get("/v1/rules", this::rules);
      cfg.routes.exception(BadRequest.class, (e, ctx) -> ctx.status(400).json(new Errors.BadRequestBody(e.getMessage(), e.path())));
      cfg.routes.exception(EngineException.class, (e, ctx) -> {
        LOG.error("rules failed", e);
        ctx.status(500).json(Errors.body("RulesFailed", e.getMessage()));
      });
      cfg.routes.exception(Exception.class, (e, ctx) -> {
        LOG.error("unexpected", e);
        ctx.status(500).json(Errors.body("InternalError", e.getClass().getSimpleName() + ": " + e.getMessage()));
      });
      cfg.routes.error(404, ctx -> ctx.json(Errors.body("NotFound", "no route " + ctx.method() + " " + ctx.path())));
    });
  }

  /** Builds the rules and loads the catalog, then listens; a rules or catalog error stops the start. */
  public static Server start(ServerConfig config) throws IOException, RuleCompileException {
    Server s = new Server(config);
    RuleSet rs = RuleCompiler.compile(config.rulesDir());
    s.rules.set(rs);
    Catalog c = Files.exists(config.catalogFile()) ? CatalogJson.read(Files.readString(config.catalogFile())) : Catalog.empty();
    s.catalog.set(Engine.settle(rs, c).catalog());
    s.catalogVersion.set(1L);
    s.app.start(config.port());
    LOG.info("catalog-policy listening on port {} ({} rules, hash {}, catalog {} facts)", s.port(), rs.rules().size(),
        rs.hash(), s.catalog.get().size());
    return s;
  }

  public int port() {
    return app.port();
  }

  public void stop() {
    app.stop();
    stopped.countDown();
  }

  public void join() throws InterruptedException {
    stopped.await();
  }

  private void health(Context ctx) {
    RuleSet rs = rules.get();
    if (rs == null || catalog.get() == null) {
      ctx.status(503).json(Errors.body("Unavailable", "rules or catalog not loaded yet"));
      return;
    }
    ObjectNode body = Json.MAPPER.createObjectNode().put("status", "ok").put("rulesHash", rs.hash())
        .put("catalogVersion", catalogVersion.get());
    ctx.json(body);
  }

  private void evaluate(Context ctx) {
    String text = ctx.body();
    Scenario scenario = ScenarioParser.parse(text);
    ctx.json(EvaluateResponse.of(dev.catalogpolicy.scenario.ScenarioRunner.run(rules.get(), scenario)));
  }

  private void rules(Context ctx) {
    RuleSet rs = rules.get();
    ObjectNode body = Json.MAPPER.createObjectNode().put("hash", rs.hash());
    body.set("files", Json.MAPPER.valueToTree(rs.files()));
    body.set("rules", Json.MAPPER.valueToTree(rs.rules()));
    ctx.json(body);
  }
}
