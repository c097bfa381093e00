package dev.catalogpolicy.engine;

import org.kie.api.KieBase;
import org.kie.api.builder.KieModule;

import java.util.List;
import java.util.Map;

/**
 * A compiled, immutable rule base: swap a whole RuleSet, never part of one. {@code kieBase} is never
 * changed; {@code module} (the compiled rules) and {@code sources} (file name to DRL text) let an
 * {@link EnginePool} bring its long-lived sessions to these rules in place ({@link SessionBase}).
 */
public record RuleSet(KieBase kieBase, List<String> files, List<RuleInfo> rules, String hash, KieModule module,
    Map<String, String> sources) {}
