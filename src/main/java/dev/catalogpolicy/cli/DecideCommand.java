package dev.catalogpolicy.cli;

import dev.catalogpolicy.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code decide --catalog FILE CALL.json}: one decision, as JSON, on standard output. */
@Command(name = "decide", description = "Decide one call against a catalog snapshot; print the decision as JSON.")
final class DecideCommand implements Callable<Integer> {
  @Option(names = "--catalog", required = true, description = "catalog snapshot (JSON)")
  Path catalog;

  @Option(names = "--rules", defaultValue = "rules", description = "rules directory (default: ${DEFAULT-VALUE})")
  Path rules;

  @Parameters(index = "0", paramLabel = "CALL.json", description = "the call: {call, caller, input}")
  Path callFile;

  @Override
  public Integer call() {
    LoadedCall in = LoadedCall.load(rules, catalog, callFile, System.err);
    if (in == null) return 2;
    System.out.println(Json.pretty(in.decide(false)));
    return 0;
  }
}
