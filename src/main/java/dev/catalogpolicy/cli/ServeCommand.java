package dev.catalogpolicy.cli;

import dev.catalogpolicy.http.Server;
import dev.catalogpolicy.http.ServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code serve}: the HTTP API on the demo catalog (or {@code --catalog}), rules from {@code --rules}. */
@Command(name = "serve", description = "Serve the HTTP API (api.md §5).")
final class ServeCommand implements Callable<Integer> {
  @Option(names = "--port", defaultValue = "${env:CATALOG_POLICY_PORT:-8181}", description = "port (default: ${DEFAULT-VALUE})")
  int port;

  @Option(names = "--rules", defaultValue = "${env:CATALOG_POLICY_RULES:-rules}", description = "rules directory (default: ${DEFAULT-VALUE})")
  Path rules;

  @Option(names = "--catalog", defaultValue = "${env:CATALOG_POLICY_CATALOG:-fixtures/demo/catalog.json}",
      description = "catalog snapshot to start from (default: ${DEFAULT-VALUE})")
  Path catalog;

  @Option(names = "--data", defaultValue = "${env:CATALOG_POLICY_DATA:-data}", description = "data directory (default: ${DEFAULT-VALUE})")
  Path data;

  @Override
  public Integer call() throws Exception {
    Server server = Server.start(new ServerConfig(port, rules, catalog, data));
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "shutdown"));
    server.join();
    return 0;
  }
}
