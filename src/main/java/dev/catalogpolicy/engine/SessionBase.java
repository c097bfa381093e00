package dev.catalogpolicy.engine;

import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.compiler.kie.builder.impl.KieContainerImpl;
import org.kie.api.KieBase;
import org.kie.api.builder.Message;
import org.kie.api.builder.Results;

/**
 * The rule base the long-lived sessions of one {@link EnginePool} run on. It starts as the rules of a
 * {@link RuleSet}, in a rule base that shares nothing with the RuleSet's own (that one is never
 * changed: calls decided in fresh sessions go on using it). It can be brought to a
 * later rule set in place, with Drools' incremental update: the rules removed leave every session of
 * this base, the rules added join it and match the facts already there, and the rules unchanged keep
 * their memories. That costs the rules changed, where
 * loading the catalog into a new session costs the catalog. Only {@link EnginePool#updateRules} updates
 * it, with every session of the base paused.
 */
final class SessionBase {
  private final KieContainerImpl container;

  SessionBase(RuleSet rules) {
    this.container = (KieContainerImpl) rules.sessionContainer();
  }

  KieBase kieBase() {
    return container.getKieBase();
  }

  /** Brings the base and its sessions to {@code next}'s rules; an error leaves the base unusable. */
  void update(RuleSet next) {
    Results r = container.updateToKieModule((InternalKieModule) next.module());
    if (r.hasMessages(Message.Level.ERROR)) {
      throw new EngineException("the rules could not be updated in place: " + r.getMessages(Message.Level.ERROR));
    }
  }
}
