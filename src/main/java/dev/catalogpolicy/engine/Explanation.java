package dev.catalogpolicy.engine;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Collections;

/**
 * The chain behind a reason (semantics E1): each fact a rule matched, and for a derived fact (a
 * launch path, a grant, a membership) the rule that derived it and the facts that rule matched, down
 * to the catalog's own facts.
 */
final class Explanation {
  private static final int MAX_DEPTH = 8;

  record Derivation(String rule, List<Object> premises) {}

  private final Map<Object, Derivation> derivations = new IdentityHashMap<>();

  void derived(Object fact, String rule, List<Object> premises) {
    derivations.putIfAbsent(fact, new Derivation(rule, premises));
  }

  /** Each fact as {type, fact, derivedBy?: {rule, from: [...]}}. */
  List<Object> render(List<Object> facts) {
    List<Object> out = new ArrayList<>();
    Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Object f : facts) out.add(render(f, 0, seen));
    return out;
  }

  private Map<String, Object> render(Object fact, int depth, Set<Object> seen) {
    Map<String, Object> node = new LinkedHashMap<>();
    node.put("type", fact instanceof java.util.Collection<?> ? "List" : fact.getClass().getSimpleName());
    node.put("fact", fact);
    Derivation d = derivations.get(fact);
    if (d != null && depth < MAX_DEPTH && seen.add(fact)) {
      Map<String, Object> by = new LinkedHashMap<>();
      by.put("rule", d.rule());
      List<Object> from = new ArrayList<>();
      for (Object p : d.premises()) from.add(render(p, depth + 1, seen));
      by.put("from", from);
      node.put("derivedBy", by);
    }
    return node;
  }
}
