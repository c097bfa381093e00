package dev.catalogpolicy.engine;

import dev.catalogpolicy.TestRules;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * A rule set's own rule base and the one its long-lived sessions run on never share a rule object,
 * whichever is asked for first: Drools shares them between rule bases of one compiled module, and the
 * sessions' base is updated in place on reload (a removed rule would take its consequence away from
 * the other).
 */
class RuleSetTest {
  private static final String RULE = "R6 a call's caller is a subject";

  @Test
  void sessionsFirst() throws Exception {
    RuleSet rules = RuleCompiler.compile(Map.copyOf(TestRules.get().sources()));
    KieBase sessions = rules.sessionContainer().getKieBase();
    KieBase own = rules.kieBase();
    assertIsolated(sessions, own);
    assertSame(own, rules.kieBase(), "built once");
  }

  @Test
  void ownFirst() throws Exception {
    RuleSet rules = RuleCompiler.compile(Map.copyOf(TestRules.get().sources()));
    KieBase own = rules.kieBase();
    assertIsolated(rules.sessionContainer().getKieBase(), own);
    assertIsolated(rules.sessionContainer().getKieBase(), rules.sessionContainer().getKieBase());
  }

  private static void assertIsolated(KieBase a, KieBase b) {
    assertNotSame(a, b);
    assertEquals(a.getKiePackage("catalogpolicy").getRules().size(), b.getKiePackage("catalogpolicy").getRules().size());
    assertNotSame(a.getRule("catalogpolicy", RULE), b.getRule("catalogpolicy", RULE), "a rule object shared");
  }
}
