package dev.catalogpolicy.http;

import java.nio.file.Path;

/**
 * Everything the server is started with (one typed object; {@code serve} fills it from options and
 * {@code CATALOG_POLICY_*} variables).
 *
 * @param catalogFile    the snapshot that seeds an empty data directory
 * @param catalogGiven   true when the user named the catalog (so ignoring it is worth saying)
 * @param token          read token (null: reads are open)
 * @param adminToken     admin token for changes (null: the read token, if any, also changes)
 * @param maxBodyBytes   largest request body (413 beyond)
 * @param maxJsonDepth   deepest JSON nesting accepted (400 beyond)
 * @param compactEvery   journal entries between snapshots
 * @param watchRules     reload when files under rulesDir change
 * @param readReplicas   sessions besides the primary that decide dry runs, ExplainImpact and queries in parallel (each holds
 *                       the catalog's whole working memory)
 */
public record ServerConfig(int port, Path rulesDir, Path catalogFile, Path dataDir, boolean catalogGiven,
                           String token, String adminToken, long maxBodyBytes, int maxJsonDepth,
                           long decisionLogMaxBytes, int decisionLogKeep, int compactEvery, boolean watchRules,
                           int readReplicas) {
  public static final long DEFAULT_MAX_BODY = 16L * 1024 * 1024;
  public static final int DEFAULT_MAX_DEPTH = 200;

  /** The embedded defaults for a port, rules, seed catalog and data directory. */
  public static ServerConfig of(int port, Path rulesDir, Path catalogFile, Path dataDir) {
    return new ServerConfig(port, rulesDir, catalogFile, dataDir, false, null, null, DEFAULT_MAX_BODY,
        DEFAULT_MAX_DEPTH, 64L * 1024 * 1024, 10, 10_000, true, 0);
  }

  public ServerConfig withTokens(String read, String admin) {
    return new ServerConfig(port, rulesDir, catalogFile, dataDir, catalogGiven, read, admin, maxBodyBytes,
        maxJsonDepth, decisionLogMaxBytes, decisionLogKeep, compactEvery, watchRules, readReplicas);
  }

  public ServerConfig withLimits(long bodyBytes, int jsonDepth) {
    return new ServerConfig(port, rulesDir, catalogFile, dataDir, catalogGiven, token, adminToken, bodyBytes,
        jsonDepth, decisionLogMaxBytes, decisionLogKeep, compactEvery, watchRules, readReplicas);
  }

  public ServerConfig withReadReplicas(int replicas) {
    return new ServerConfig(port, rulesDir, catalogFile, dataDir, catalogGiven, token, adminToken, maxBodyBytes,
        maxJsonDepth, decisionLogMaxBytes, decisionLogKeep, compactEvery, watchRules, replicas);
  }

  public ServerConfig withStorage(boolean given, long logMaxBytes, int logKeep, int compact, boolean watch) {
    return new ServerConfig(port, rulesDir, catalogFile, dataDir, given, token, adminToken, maxBodyBytes,
        maxJsonDepth, logMaxBytes, logKeep, compact, watch, readReplicas);
  }
}
