package dev.catalogpolicy.cli;

import dev.catalogpolicy.catalog.Catalog;
import dev.catalogpolicy.catalog.CatalogJson;
import dev.catalogpolicy.engine.Call;
import dev.catalogpolicy.engine.Decision;
import dev.catalogpolicy.engine.Engine;
import dev.catalogpolicy.engine.RuleSet;
import dev.catalogpolicy.json.BadRequest;
import dev.catalogpolicy.json.Json;
import dev.catalogpolicy.json.JsonLines;
import dev.catalogpolicy.scenario.CallParser;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The rules, a catalog file and a call file, read for one decision; faults printed as {@code file:line: path: message}. */
record LoadedCall(RuleSet rules, Catalog catalog, Call call) {
  /** Null after printing what is wrong. */
  static LoadedCall load(Path rulesDir, Path catalogFile, Path callFile, PrintStream err) {
    RuleSet rs = Rules.load(rulesDir, err);
    if (rs == null) return null;
    Path reading = catalogFile;
    String text = null;
    try {
      text = Files.readString(catalogFile);
      Catalog c = CatalogJson.read(text);
      reading = callFile;
      text = Files.readString(callFile);
      Call call = CallParser.parse(Json.parse(text), "$");
      return new LoadedCall(rs, Engine.settle(rs, c).catalog(), call);
    } catch (IOException e) {
      err.println(reading + ": cannot read: " + e.getMessage());
    } catch (BadRequest e) {
      err.println(reading + ":" + JsonLines.lineOf(text, e.path()) + ": " + e.path() + ": " + e.getMessage());
    }
    return null;
  }

  Decision decide(boolean explain) {
    return Engine.evaluate(rules, catalog, call.withExplain(explain)).decision();
  }
}
