package dev.catalogpolicy.engine;

import dev.catalogpolicy.TestRules;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

class RuleCompilerTest {
  private static final String HEADER = "package t;\nimport dev.catalogpolicy.engine.Call;\n"
      + "global dev.catalogpolicy.engine.Outcome out;\n";

  @Test
  void syntaxErrorNamesFileAndLine() {
    Map<String, String> src = Map.of("broken.drl", HEADER + "rule \"x\"\nwhen\n  Call(name == )\nthen\nend\n");
    RuleCompileException e = assertThrows(RuleCompileException.class, () -> RuleCompiler.compile(src));
    RuleError first = e.errors().get(0);
    assertEquals("broken.drl", first.file());
    assertEquals(6, first.line(), first.toString());
    assertTrue(first.column() > 0, first.toString());
  }

  @Test
  void duplicateRuleNamesAreErrors() {
    Map<String, String> src = new LinkedHashMap<>();
    src.put("a.drl", HEADER + "rule \"same\"\nwhen\n  Call()\nthen\nend\n");
    src.put("b.drl", HEADER + "rule \"same\"\nwhen\n  Call()\nthen\nend\n");
    RuleCompileException e = assertThrows(RuleCompileException.class, () -> RuleCompiler.compile(src));
    assertTrue(e.errors().stream().anyMatch(r -> r.file().equals("b.drl") && r.message().contains("duplicate rule name")),
        e.errors().toString());
  }

  @Test
  void duplicateUnquotedRuleNamesAreErrors() {
    // Drools itself would let the second replace the first (its duplicate check stays a warning, or it
    // could not update rules in place): the compiler reports it, with the file and line of the second
    Map<String, String> src = new LinkedHashMap<>();
    src.put("a.drl", HEADER + "rule same\nwhen\n  Call()\nthen\nend\n");
    src.put("b.drl", HEADER + "\nrule same\nwhen\n  Call()\nthen\nend\n");
    RuleCompileException e = assertThrows(RuleCompileException.class, () -> RuleCompiler.compile(src));
    assertTrue(e.errors().stream().anyMatch(r -> r.file().equals("b.drl") && r.message().contains("duplicate rule name \"same\"")),
        e.errors().toString());
  }

  @Test
  void unknownReasonCodeIsAnError() {
    Map<String, String> src = Map.of("a.drl", HEADER + "rule \"r\"\nwhen\n  Call()\nthen\n  out.deny(\"NO_SUCH_CODE\", \"m\");\nend\n");
    RuleCompileException e = assertThrows(RuleCompileException.class, () -> RuleCompiler.compile(src));
    assertEquals(8, e.errors().get(0).line());
    assertTrue(e.errors().get(0).message().contains("NO_SUCH_CODE"));
  }

  @Test
  void unknownFactTypeIsAnErrorNotACrash() {
    Map<String, String> src = Map.of("a.drl", HEADER + "rule \"r\"\nwhen\n  NoSuchFact()\nthen\nend\n");
    RuleCompileException e = assertThrows(RuleCompileException.class, () -> RuleCompiler.compile(src));
    assertEquals("a.drl", e.errors().get(0).file());
  }

  @Test
  void repositoryRulesCompileAndListStagesAndCodes() {
    RuleSet rs = TestRules.get();
    assertFalse(rs.rules().isEmpty());
    assertEquals(16, rs.hash().length());
    Set<String> stages = rs.rules().stream().map(RuleInfo::stage).collect(Collectors.toSet());
    assertTrue(stages.containsAll(Set.of("derive", "exist", "auth", "validate", "grant", "apply", "sync")), stages.toString());
  }

  /** Contract coverage: every ALLOW and DENY code of reason-codes.txt is given by some DRL rule. */
  @Test
  void everyDecidingReasonCodeHasARule() {
    Set<String> inRules = new TreeSet<>();
    TestRules.get().rules().forEach(r -> inRules.addAll(r.codes()));
    Set<String> missing = ReasonCodes.all().values().stream()
        .filter(c -> c.outcome().equals("ALLOW") || c.outcome().equals("DENY"))
        .map(ReasonCodes.Code::code)
        .filter(c -> !inRules.contains(c) && !(c.startsWith("PATH_") && inRules.contains("PATH_OWNED")))
        .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(Set.of(), missing, "reason codes no rule gives");
  }

  @Test
  void everyRuleNameStartsWithItsSemanticsId() {
    for (RuleInfo r : TestRules.get().rules()) {
      assertTrue(r.name().matches("^[A-Z]\\d+ .+"), "rule name without a rule id: " + r.name() + " (" + r.file() + ")");
    }
  }
}
