package dev.catalogpolicy.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;

/** The options of a one-call command: {@code --catalog FILE [--rules DIR] CALL.json}. */
final class CallOptions {
  @Option(names = "--catalog", required = true, description = "catalog snapshot (JSON)")
  Path catalog;

  @Option(names = "--rules", defaultValue = "rules", description = "rules directory (default: ${DEFAULT-VALUE})")
  Path rules;

  @Parameters(index = "0", paramLabel = "CALL.json", description = "the call: {call, caller, input}")
  Path callFile;

  LoadedCall load() {
    return LoadedCall.load(rules, catalog, callFile, System.err);
  }
}
