package dev.catalogpolicy.http;

import java.nio.file.Path;

/** Everything the server is started with. */
public record ServerConfig(int port, Path rulesDir, Path catalogFile, Path dataDir) {}
