package dev.catalogpolicy.cli;

import dev.catalogpolicy.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code decide --catalog FILE CALL.json}: one decision, as JSON, on standard output. */
@Command(name = "decide", description = "Decide one call against a catalog snapshot; print the decision as JSON.")
final class DecideCommand implements Callable<Integer> {
  @Mixin
  CallOptions options;

  @Override
  public Integer call() {
    LoadedCall in = options.load();
    if (in == null) return 2;
    System.out.println(Json.pretty(in.decide(false)));
    return 0;
  }
}
