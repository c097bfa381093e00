package dev.catalogpolicy.engine;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether long-lived sessions may move from one rule set to another in place ({@link SessionBase}) and
 * still hold exactly what a new session would. Between calls a session holds the catalog's facts, what
 * the rules without a stage derive from them, and the questions kept for callers; the rules of the call
 * stages ({@code exist} to {@code apply}) only act while a call is in the session, and what an applied
 * call changed is in the catalog either way. So the rules may change in place when:
 * <ul>
 *   <li>the text outside the rules (declared types, functions, queries, globals) is the same; and</li>
 *   <li>every rule added, removed or changed belongs to a call stage.</li>
 * </ul>
 * A change to a derivation or to the {@code sync} stage loads the catalog afresh: Drools' incremental
 * update keeps derivations of a rule it added and then removed again (RulesInPlaceTest found facts
 * derived for kept callers outliving their rule), so only what is proven exact is done in place.
 */
final class RuleDiff {
  private static final Pattern END = Pattern.compile("^\\s*end\\s*$", Pattern.MULTILINE);
  private static final Set<String> BETWEEN_CALLS = Set.of("derive", "sync");

  private RuleDiff() {}

  /** Null when {@code to} may replace {@code from} in place, else why not (for the log). */
  static String whyNotInPlace(RuleSet from, RuleSet to) {
    Parsed a = parse(from), b = parse(to);
    if (!a.outside.equals(b.outside)) return "the text outside the rules changed (declarations, functions, queries or globals)";
    Set<String> names = new TreeSet<>(a.rules.keySet());
    names.addAll(b.rules.keySet());
    for (String name : names) {
      String was = a.rules.get(name), now = b.rules.get(name);
      if (Objects.equals(was, now)) continue;
      if (betweenCalls(from, name) || betweenCalls(to, name)) {
        return "rule \"" + name + "\" was " + (was == null ? "added" : now == null ? "removed" : "changed")
            + ", and it derives facts between calls";
      }
    }
    return null;
  }

  /** Whether {@code rules} has a rule of that name that fires between calls. */
  private static boolean betweenCalls(RuleSet rules, String name) {
    for (RuleInfo r : rules.rules()) if (r.name().equals(name)) return BETWEEN_CALLS.contains(r.stage());
    return false;
  }

  /** The rules of a rule set by name, and every other significant line of its files. */
  private record Parsed(Map<String, String> rules, Set<String> outside) {}

  private static Parsed parse(RuleSet rules) {
    Map<String, String> byName = new HashMap<>();
    Set<String> outside = new TreeSet<>();
    for (String text : rules.sources().values()) {
      Map<String, String> own = ruleTexts(text);
      byName.putAll(own);
      String rest = text;
      for (String rule : own.values()) rest = rest.replace(rule, "");
      for (String line : rest.split("\n")) {
        String l = line.strip();
        if (l.isEmpty() || l.startsWith("//") || l.startsWith("/*") || l.startsWith("*") || l.startsWith("package ")
            || l.startsWith("import ")) {
          continue;
        }
        outside.add(l);
      }
    }
    return new Parsed(byName, outside);
  }

  /** The rules of one DRL file by name, each from its header to its {@code end} line. */
  static Map<String, String> ruleTexts(String text) {
    Map<String, String> rules = new LinkedHashMap<>();
    Matcher rm = RuleCompiler.RULE.matcher(text);
    Matcher end = END.matcher(text);
    int from = 0;
    while (from < text.length() && rm.find(from)) {
      int stop = end.find(rm.end()) ? end.end() : text.length();
      rules.put(rm.group(1) != null ? rm.group(1) : rm.group(2), text.substring(rm.start(), stop));
      from = stop;
    }
    return rules;
  }
}
