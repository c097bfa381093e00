package dev.catalogpolicy.property;

import dev.catalogpolicy.catalog.Catalog;
import dev.catalogpolicy.engine.Answer;
import dev.catalogpolicy.engine.Call;
import dev.catalogpolicy.engine.Caller;
import dev.catalogpolicy.engine.Decision;
import dev.catalogpolicy.engine.Engine;
import dev.catalogpolicy.engine.RuleSet;
import dev.catalogpolicy.json.Json;
import dev.catalogpolicy.model.Import;
import dev.catalogpolicy.model.Portfolio;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a probe user (the Developer role, in the Devs group) of each account can launch in each
 * region, asked the way a user would: SearchProducts, then ListLaunchPaths for every product it
 * lists. Accounts with no portfolio and no import anywhere cannot have a path and are skipped.
 */
record PathView(List<Path> paths, List<String> faults) {
  /** One launch path as ListLaunchPaths answers it, with the probe that saw it. */
  record Path(String account, String region, String portfolio, String product, String kind) {}

  static PathView of(RuleSet rules, Catalog cat) {
    List<Path> paths = new ArrayList<>();
    List<String> faults = new ArrayList<>();
    Set<String> active = new TreeSet<>();
    cat.list(Portfolio.class).forEach(p -> active.add(p.owner()));
    cat.list(Import.class).forEach(i -> active.add(i.account()));
    for (String account : active) {
      for (String region : Cast.REGIONS) {
        Caller caller = new Caller(account, region, Cast.developer(account), List.of(Cast.devsGroup(account)));
        Decision search = Engine.evaluate(rules, cat, new Call("SearchProducts", caller, null, false)).decision();
        if (!search.allowed() || search.products() == null) {
          faults.add("SearchProducts by " + account + " in " + region + " did not answer a product list: " + Json.compact(search));
          continue;
        }
        for (String product : search.products()) {
          var in = Json.MAPPER.createObjectNode().put("ProductId", product);
          Decision list = Engine.evaluate(rules, cat, new Call("ListLaunchPaths", caller, in, false)).decision();
          if (!list.allowed() || list.paths() == null || list.paths().isEmpty()) {
            faults.add("SearchProducts by " + account + " in " + region + " lists " + product
                + " but ListLaunchPaths answers " + list.decision() + " " + codes(list));
            continue;
          }
          for (Answer.Path p : list.paths()) paths.add(new Path(account, region, p.pathId(), product, p.pathKind()));
        }
      }
    }
    return new PathView(List.copyOf(paths), List.copyOf(faults));
  }

  static String codes(Decision d) {
    return d.reasons().stream().map(r -> r.code()).toList().toString();
  }
}
