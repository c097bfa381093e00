package dev.catalogpolicy;

import dev.catalogpolicy.engine.RuleCompileException;
import dev.catalogpolicy.engine.RuleCompiler;
import dev.catalogpolicy.engine.RuleSet;

import dev.catalogpolicy.scenario.ScenarioFiles;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.ThrowingConsumer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The repository's rules, compiled once for all tests. */
public final class TestRules {
  public static final Path RULES = Path.of("rules");
  public static final Path FIXTURES = Path.of("fixtures");
  /** The edit of {@link #messageEdited}: PATH_REQUIRED's message in launch.drl, before and after. */
  public static final String MESSAGE_BEFORE = "; give a PathId", MESSAGE_AFTER = "; name one with PathId";
  private static RuleSet rules, messageEdited;

  private TestRules() {}

  /** The rules with one denial's message changed, an edit a policy author makes and the sessions take in place. */
  public static synchronized RuleSet messageEdited() throws RuleCompileException {
    if (messageEdited == null) {
      messageEdited = edit(get(), "launch.drl", t -> t.contains(MESSAGE_BEFORE), t -> t.replace(MESSAGE_BEFORE, MESSAGE_AFTER));
    }
    return messageEdited;
  }

  public static synchronized RuleSet get() {
    if (rules == null) {
      try {
        rules = RuleCompiler.compile(RULES);
      } catch (Exception e) {
        throw new AssertionError("the rules under rules/ do not compile: " + e.getMessage(), e);
      }
    }
    return rules;
  }

  /** {@code rules} with {@code file} edited by {@code how} (where {@code where} finds what to edit), compiled. */
  public static RuleSet edit(RuleSet rules, String file, Predicate<String> where, UnaryOperator<String> how)
      throws RuleCompileException {
    Map<String, String> sources = new LinkedHashMap<>(rules.sources());
    String text = sources.get(file);
    assertTrue(text != null && where.test(text), file + ": what to edit");
    String edited = how.apply(text);
    assertFalse(edited.equals(text), file + ": edited");
    sources.put(file, edited);
    return RuleCompiler.compile(sources);
  }

  /** One dynamic test per fixture file, named by its path under fixtures/. */
  public static Stream<DynamicNode> perFixture(ThrowingConsumer<Path> test) throws IOException {
    List<Path> files = ScenarioFiles.find(List.of(FIXTURES));
    if (files.isEmpty()) throw new AssertionError("no fixtures found under " + FIXTURES);
    return files.stream().map(f -> DynamicTest.dynamicTest(FIXTURES.relativize(f).toString(), () -> test.accept(f)));
  }
}
