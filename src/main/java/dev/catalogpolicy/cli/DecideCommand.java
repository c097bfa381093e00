package dev.catalogpolicy.cli;

import dev.catalogpolicy.catalog.Catalog;
import dev.catalogpolicy.catalog.CatalogJson;
import dev.catalogpolicy.engine.Engine;
import dev.catalogpolicy.engine.RuleSet;
import dev.catalogpolicy.json.BadRequest;
import dev.catalogpolicy.json.Json;
import dev.catalogpolicy.json.JsonLines;
import dev.catalogpolicy.scenario.CallParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
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
    RuleSet rs = Rules.load(rules, System.err);
    if (rs == null) return 2;
    Catalog c;
    String catalogText, callText;
    try {
      catalogText = Files.readString(catalog);
      callText = Files.readString(callFile);
    } catch (IOException e) {
      System.err.println("cannot read " + e.getMessage());
      return 2;
    }
    try {
      c = CatalogJson.read(catalogText);
    } catch (BadRequest e) {
      System.err.println(catalog + ":" + JsonLines.lineOf(catalogText, e.path()) + ": " + e.path() + ": " + e.getMessage());
      return 2;
    }
    try {
      var call = CallParser.parse(Json.parse(callText), "$");
      c = Engine.settle(rs, c).catalog();
      System.out.println(Json.pretty(Engine.evaluate(rs, c, call).decision()));
      return 0;
    } catch (BadRequest e) {
      System.err.println(callFile + ":" + JsonLines.lineOf(callText, e.path()) + ": " + e.path() + ": " + e.getMessage());
      return 2;
    }
  }
}
