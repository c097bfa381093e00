package dev.catalogpolicy.engine;

import java.util.List;

/** A DRL rule as loaded: its name, file, stage (ruleflow-group) and the reason codes it can give. */
public record RuleInfo(String name, String file, String stage, List<String> codes) {}
