package dev.catalogpolicy.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalogpolicy.catalog.Catalog;
import dev.catalogpolicy.catalog.CatalogJson;
import dev.catalogpolicy.engine.EngineException;
import dev.catalogpolicy.engine.RuleCompileException;
import dev.catalogpolicy.engine.RuleCompiler;
import dev.catalogpolicy.engine.RuleSet;
import dev.catalogpolicy.json.BadRequest;
import dev.catalogpolicy.json.Json;
import dev.catalogpolicy.live.DecisionLog;
import dev.catalogpolicy.live.LiveCatalog;
import dev.catalogpolicy.live.RuleReloader;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The HTTP API (api.md §5): a live catalog (journaled calls, snapshots, hot rule reload), stateless
 * scenario evaluation, and the operational endpoints. Handlers are thin: parse, ask the live catalog,
 * answer. Every fault in a request is a 4xx with a JSON body, never a 500.
 */
public final class Server {
  private static final Logger LOG = LoggerFactory.getLogger(Server.class);
  private static final String STARTED = "catalogpolicy.started";

  private final ServerConfig config;
  private final LiveCatalog live;
  private final RuleReloader reloader;
  private final DecisionLog decisionLog;
  private final Metrics metrics;
  private final Auth auth;
  private final Api api;
  private final List<Route> routes;
  private final Javalin app;
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final CountDownLatch stopped = new CountDownLatch(1);

  private Server(ServerConfig config, LiveCatalog live, RuleReloader reloader, DecisionLog log) {
    this.config = config;
    this.live = live;
    this.reloader = reloader;
    this.decisionLog = log;
    this.metrics = new Metrics(live, reloader, log);
    this.auth = new Auth(config.token(), config.adminToken());
    this.api = new Api(live, reloader, log, metrics);
    this.routes = List.of(
        new Route("GET", "/health", null, api::health),
        new Route("POST", "/v1/evaluate", Auth.Access.READ, api::evaluate),
        new Route("POST", "/v1/calls", Auth.Access.READ, api::calls),
        new Route("GET", "/v1/catalog", Auth.Access.READ, api::getCatalog),
        new Route("PUT", "/v1/catalog", Auth.Access.ADMIN, api::putCatalog),
        new Route("GET", "/v1/launch-paths", Auth.Access.READ, api::launchPaths),
        new Route("GET", "/v1/rules", Auth.Access.READ, api::rules),
        new Route("POST", "/v1/rules/reload", Auth.Access.ADMIN, api::reload),
        new Route("GET", "/metrics", Auth.Access.READ, ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape())),
        new Route("GET", "/openapi.json", Auth.Access.READ, api::openApi));
    this.app = Javalin.create(cfg -> {
      cfg.startup.showJavalinBanner = false;
      cfg.http.maxRequestSize = config.maxBodyBytes();
      // Javalin copies every response through a new buffer of this size, Jetty's 32 KiB output buffer by
      // default: half the bytes the server allocated per request. Answers are a few KiB; larger ones take
      // more passes through the same Jetty buffer.
      cfg.http.responseBufferSize = 4096;
      cfg.jetty.modifyServer(jetty -> {
        // stop() waits for requests in flight (new ones are refused) before the journal closes
        jetty.setStopTimeout(TimeUnit.SECONDS.toMillis(30));
        jetty.setHandler(new GracefulHandler());
      });
      cfg.jsonMapper(new JavalinJackson(Json.MAPPER, false));
      cfg.routes.before(this::before);
      for (Route r : routes) cfg.routes.addHttpHandler(io.javalin.http.HandlerType.findOrCreate(r.method()), r.path(), r.handler());
      cfg.routes.after(this::after);
      cfg.routes.exception(BadRequest.class, (e, ctx) -> ctx.status(400).json(new Errors.BadRequestBody(e.getMessage(), e.path())));
      cfg.routes.exception(Api.Refused.class, (e, ctx) -> ctx.status(e.status()).json(e.body()));
      cfg.routes.exception(LiveCatalog.JournalUnavailable.class, (e, ctx) -> {
        metrics.journalFailure();
        LOG.error("{}", e.getMessage());
        ctx.status(503).json(Errors.body("JournalUnavailable", e.getMessage()));
      });
      cfg.routes.exception(HttpResponseException.class, (e, ctx) -> ctx.status(e.getStatus()).json(httpError(ctx, e.getStatus())));
      cfg.routes.exception(EngineException.class, (e, ctx) -> {
        LOG.error("rules failed", e);
        ctx.status(500).json(Errors.body("RulesFailed", e.getMessage()));
      });
      cfg.routes.exception(Exception.class, (e, ctx) -> {
        LOG.error("unexpected", e);
        ctx.status(500).json(Errors.body("InternalError", e.getClass().getSimpleName() + ": " + e.getMessage()));
      });
    });
  }

  private ObjectNode httpError(Context ctx, int status) {
    return switch (status) {
      case 404 -> Errors.body("NotFound", "no route " + ctx.method() + " " + ctx.path());
      case 405 -> Errors.body("MethodNotAllowed", ctx.method() + " is not served at " + ctx.path());
      case 413 -> Errors.body("ContentTooLarge", "request body over " + config.maxBodyBytes() + " bytes");
      default -> Errors.body("HttpError", "HTTP " + status);
    };
  }

  /**
   * Builds the rules, opens the live catalog in the data directory (seeding it from the catalog file on
   * first start), then listens. A rules or catalog error stops the start with a message.
   */
  public static Server start(ServerConfig config) throws IOException, RuleCompileException {
    Json.maxDepth(config.maxJsonDepth());
    RuleSet rs = RuleCompiler.compile(config.rulesDir());
    Files.createDirectories(config.dataDir());
    String seedName = Files.exists(config.catalogFile()) ? config.catalogFile().toString() : "an empty catalog";
    LiveCatalog live = LiveCatalog.open(config.dataDir().resolve("catalog"), rs, seedName, () -> readSeed(config), config.compactEvery(),
        config.readReplicas(), false);
    if (!live.opened().seeded() && config.catalogGiven()) {
      LOG.warn("{} holds a catalog (version {}); ignoring --catalog {} (PUT /v1/catalog replaces the live catalog)",
          config.dataDir(), live.state().version(), config.catalogFile());
    }
    RuleReloader reloader = new RuleReloader(config.rulesDir(), live);
    DecisionLog log = new DecisionLog(config.dataDir().resolve("decisions"), config.decisionLogMaxBytes(),
        config.decisionLogKeep(), 65_536);
    Server s = new Server(config, live, reloader, log);
    if (config.watchRules()) reloader.watch(300);
    s.app.start(config.port());
    live.buildReplicas(); // once it listens: /health reports them (sessions ready and wanted) as they are built
    LOG.info("catalog-policy listening on port {} ({} rules, hash {}; catalog version {}, {} facts, from {})", s.port(),
        rs.rules().size(), rs.hash(), live.state().version(), live.state().catalog().size(), live.opened().source());
    return s;
  }

  private static Catalog readSeed(ServerConfig config) {
    if (!Files.exists(config.catalogFile())) {
      if (config.catalogGiven()) throw new IllegalArgumentException("catalog file " + config.catalogFile() + " does not exist");
      return Catalog.empty();
    }
    try {
      return CatalogJson.read(Files.readString(config.catalogFile()));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (BadRequest e) {
      throw new IllegalArgumentException(config.catalogFile() + ": " + e.path() + ": " + e.getMessage(), e);
    }
  }

  public int port() {
    return app.port();
  }

  public LiveCatalog live() {
    return live;
  }

  List<Route> routes() {
    return routes;
  }

  /** Stops taking requests, lets those in flight finish (up to 30 s), then closes the journal and logs. */
  public void stop() {
    if (!stopping.compareAndSet(false, true)) {
      awaitStopped();
      return;
    }
    app.stop();
    try {
      reloader.close();
      live.close();
      decisionLog.close();
    } catch (IOException e) {
      LOG.warn("closing: {}", e.getMessage());
    }
    stopped.countDown();
  }

  private void awaitStopped() {
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public void join() throws InterruptedException {
    stopped.await();
  }

  private void before(Context ctx) {
    ctx.attribute(STARTED, System.nanoTime());
    Route r = route(ctx);
    if (r == null || r.needs() == null) return;
    Auth.Access has = auth.access(ctx.header("Authorization"));
    ctx.attribute(Api.ACCESS, has);
    if (has == Auth.Access.NONE) {
      ctx.header("WWW-Authenticate", "Bearer");
      throw new Api.Refused(401, "Unauthorized", "this endpoint needs Authorization: Bearer <token>");
    }
    if (r.needs() == Auth.Access.ADMIN && has != Auth.Access.ADMIN) Api.requireAdmin(ctx);
  }

  private void after(Context ctx) {
    Long t0 = ctx.attribute(STARTED);
    Route r = route(ctx);
    if (t0 != null) metrics.request(r == null ? "other" : r.path(), ctx.method().name(), ctx.statusCode(), System.nanoTime() - t0);
  }

  private Route route(Context ctx) {
    String m = ctx.method().name();
    String p = ctx.path();
    for (Route r : routes) if (r.method().equals(m) && r.path().equals(p)) return r;
    return null;
  }
}
