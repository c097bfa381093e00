package dev.catalogpolicy.cli;

import dev.catalogpolicy.engine.RuleCompileException;
import dev.catalogpolicy.engine.RuleError;
import dev.catalogpolicy.http.Server;
import dev.catalogpolicy.http.ServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code serve}: the live catalog service. With no options: rules from {@code rules/}, the demo
 * catalog on first start, state under {@code ./data}. Every option also reads a
 * {@code CATALOG_POLICY_*} variable.
 */
@Command(name = "serve", description = "Serve the HTTP API (api.md §5) on a live, journaled catalog.")
final class ServeCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--port", defaultValue = "${env:CATALOG_POLICY_PORT:-8181}", description = "port, 0 for any free one (default: ${DEFAULT-VALUE})")
  int port;

  @Option(names = "--rules", defaultValue = "${env:CATALOG_POLICY_RULES:-rules}", description = "rules directory (default: ${DEFAULT-VALUE})")
  Path rules;

  @Option(names = "--catalog", defaultValue = "${env:CATALOG_POLICY_CATALOG:-fixtures/demo/catalog.json}",
      description = "snapshot that seeds an empty data directory (default: ${DEFAULT-VALUE}); ignored once the data directory holds a catalog")
  Path catalog;

  @Option(names = "--data", defaultValue = "${env:CATALOG_POLICY_DATA:-data}", description = "data directory: journal, snapshots, decision log (default: ${DEFAULT-VALUE})")
  Path data;

  @Option(names = "--token-file", defaultValue = "${env:CATALOG_POLICY_TOKEN_FILE}",
      description = "file holding the bearer token every endpoint but /health needs (or set CATALOG_POLICY_TOKEN)")
  Path tokenFile;

  @Option(names = "--admin-token-file", defaultValue = "${env:CATALOG_POLICY_ADMIN_TOKEN_FILE}",
      description = "file holding the token for POST /v1/calls (unless dryRun), PUT /v1/catalog and reloads (or set CATALOG_POLICY_ADMIN_TOKEN)")
  Path adminTokenFile;

  @Option(names = "--max-body-bytes", defaultValue = "${env:CATALOG_POLICY_MAX_BODY_BYTES:-16777216}", description = "largest request body; larger is a 413 (default: ${DEFAULT-VALUE})")
  long maxBody;

  @Option(names = "--max-json-depth", defaultValue = "${env:CATALOG_POLICY_MAX_JSON_DEPTH:-200}", description = "deepest JSON nesting; deeper is a 400 (default: ${DEFAULT-VALUE})")
  int maxDepth;

  @Option(names = "--decision-log-max-bytes", defaultValue = "${env:CATALOG_POLICY_DECISION_LOG_MAX_BYTES:-67108864}", description = "decision log size before rotation (default: ${DEFAULT-VALUE})")
  long logMaxBytes;

  @Option(names = "--decision-log-keep", defaultValue = "${env:CATALOG_POLICY_DECISION_LOG_KEEP:-10}", description = "rotated decision logs kept (default: ${DEFAULT-VALUE})")
  int logKeep;

  @Option(names = "--compact-every", defaultValue = "${env:CATALOG_POLICY_COMPACT_EVERY:-10000}", description = "journal entries between snapshots (default: ${DEFAULT-VALUE})")
  int compactEvery;

  @Option(names = "--read-replicas", defaultValue = "${env:CATALOG_POLICY_READ_REPLICAS:--1}",
      description = "sessions besides the primary that decide dry runs, ExplainImpact and queries in parallel; each holds the whole"
          + " catalog's working memory (org-5k: about 450 MiB). Default: one per core beyond the first, at most 3")
  int readReplicas;

  @Option(names = "--no-watch", description = "do not reload when files under --rules change (POST /v1/rules/reload still does)")
  boolean noWatch;

  @Override
  public Integer call() throws Exception {
    boolean catalogGiven = spec.commandLine().getParseResult().hasMatchedOption("--catalog") || System.getenv("CATALOG_POLICY_CATALOG") != null;
    if (maxBody < 1024) throw new ParameterException(spec.commandLine(), "--max-body-bytes must be at least 1024");
    if (maxDepth < 8) throw new ParameterException(spec.commandLine(), "--max-json-depth must be at least 8");
    if (compactEvery < 1) throw new ParameterException(spec.commandLine(), "--compact-every must be at least 1");
    if (readReplicas < -1 || readReplicas > 64) throw new ParameterException(spec.commandLine(), "--read-replicas must be 0 to 64");
    int replicas = readReplicas >= 0 ? readReplicas : Math.min(3, Runtime.getRuntime().availableProcessors() - 1);
    ServerConfig config = ServerConfig.of(port, rules, catalog, data)
        .withTokens(token("CATALOG_POLICY_TOKEN", tokenFile, "--token-file"), token("CATALOG_POLICY_ADMIN_TOKEN", adminTokenFile, "--admin-token-file"))
        .withLimits(maxBody, maxDepth)
        .withStorage(catalogGiven, logMaxBytes, logKeep, compactEvery, !noWatch)
        .withReadReplicas(replicas);
    Server server;
    try {
      server = Server.start(config);
    } catch (RuleCompileException e) {
      for (RuleError re : e.errors()) System.err.println(rules.resolve(re.file()) + ":" + re.line() + ":" + re.column() + ": " + re.message());
      System.err.println("serve: the rules do not compile; not started");
      return 1;
    } catch (IOException | RuntimeException e) {
      Throwable t = e;
      while (t.getCause() != null && t.getMessage() != null && t.getMessage().equals(t.getCause().toString())) t = t.getCause();
      System.err.println("serve: not started: " + (t.getMessage() == null ? t.toString() : t.getMessage()));
      return 1;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "shutdown"));
    server.join();
    return 0;
  }

  private String token(String env, Path file, String option) throws IOException {
    if (file != null) {
      if (!Files.isReadable(file)) throw new ParameterException(spec.commandLine(), option + ": cannot read " + file);
      String t = Files.readString(file).strip();
      if (t.isEmpty()) throw new ParameterException(spec.commandLine(), option + ": " + file + " is empty");
      return t;
    }
    String t = System.getenv(env);
    return t == null || t.isBlank() ? null : t.strip();
  }
}
