package dev.catalogpolicy.engine;

import org.kie.api.KieBase;

import java.util.List;

/** A compiled, immutable rule base: swap a whole RuleSet, never part of one. */
public record RuleSet(KieBase kieBase, List<String> files, List<RuleInfo> rules, String hash) {}
