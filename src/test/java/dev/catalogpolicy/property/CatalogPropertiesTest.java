package dev.catalogpolicy.property;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalogpolicy.TestRules;
import dev.catalogpolicy.catalog.Catalog;
import dev.catalogpolicy.catalog.CatalogJson;
import dev.catalogpolicy.engine.Effect;
import dev.catalogpolicy.engine.Engine;
import dev.catalogpolicy.engine.RuleSet;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Objects;

/**
 * Property tests of issue 7: generated catalogs (two organizations with nested OUs, hub, spokes, an
 * outsider, two regions, shares of every target kind, imports, local portfolios, principals,
 * constraints) and long random sequences of calls of every kind from every caller, valid and
 * invalid, driven through the engine in process. A failing case is shrunk and written as a
 * scenario under target/property-failures/ to become a fixture under fixtures/generated/.
 * More tries: {@code mvn test -Dcatalogpolicy.propertyTries=1000}; replay: {@code -Dcatalogpolicy.propertySeed=N}.
 */
class CatalogPropertiesTest {
  private static final RuleSet RULES = TestRules.get();

  @Test
  void invariantsHoldAfterEveryStep() {
    PropertyCheck.check("invariants", PropertyCheck.TRIES, CatalogPropertiesTest::invariants);
  }

  @Test
  void sameSequenceGivesSameDecisions() {
    PropertyCheck.check("determinism", PropertyCheck.TRIES, CatalogPropertiesTest::determinism);
  }

  @Test
  void snapshotWrittenAndReadBackDecidesIdentically() {
    PropertyCheck.check("snapshot", PropertyCheck.TRIES, CatalogPropertiesTest::snapshot);
  }

  /** Every invariant of {@link Invariants} holds on the loaded catalog and after every step. */
  static PropertyCheck.Failure invariants(Shrinker.Case c) {
    SequenceRun run = new SequenceRun(RULES, c.world());
    PathView view = PathView.of(RULES, run.catalog());
    PropertyCheck.Failure f = PropertyCheck.failure(run, Invariants.checkState(run.catalog(), view));
    if (f != null) return f;
    for (Action a : c.actions()) {
      SequenceRun.Step s = run.step(a);
      if (s.decision() == null) continue;
      PathView after = s.after() != s.before() ? PathView.of(RULES, s.after()) : view;
      f = PropertyCheck.failure(run, Invariants.check(new Invariants.Step(s.before(), s.parsed(), s.decision(), s.after(), view, after)));
      if (f != null) return f;
      view = after;
    }
    return null;
  }

  /** The same sequence on the same world gives the same decisions (ids aside) and the same catalog. */
  static PropertyCheck.Failure determinism(Shrinker.Case c) {
    SequenceRun first = new SequenceRun(RULES, c.world());
    SequenceRun second = new SequenceRun(RULES, c.world());
    for (Action a : c.actions()) {
      SequenceRun.Step s1 = first.step(a);
      SequenceRun.Step s2 = second.step(s1.call());
      String d1 = SequenceRun.comparable(s1.decision()), d2 = SequenceRun.comparable(s2.decision());
      if (!Objects.equals(d1, d2) || !Objects.equals(s1.badRequest(), s2.badRequest())) {
        return PropertyCheck.failure(first, List.of(new Invariants.Violation("deterministic", "E1",
            "the same call on the same history decided\n    " + d1 + "\n  then\n    " + d2)));
      }
    }
    if (!CatalogJson.write(first.catalog()).equals(CatalogJson.write(second.catalog()))) {
      return PropertyCheck.failure(first, List.of(new Invariants.Violation("deterministic", "E1",
          "the same sequence left two different catalogs")));
    }
    return null;
  }

  /**
   * After every step, the catalog written as a snapshot and read back writes the same snapshot and
   * needs no change when loaded (as a server or a scenario loads it), and the next step decides on
   * it exactly as on the live catalog.
   */
  static PropertyCheck.Failure snapshot(Shrinker.Case c) {
    SequenceRun run = new SequenceRun(RULES, c.world());
    Catalog readBack = run.catalog();
    for (Action a : c.actions()) {
      SequenceRun.Step s = run.step(a);
      if (s.parsed() != null) {
        Engine.Result again = Engine.evaluate(RULES, readBack, s.parsed());
        String d1 = SequenceRun.comparable(s.decision()), d2 = SequenceRun.comparable(again.decision());
        if (!d1.equals(d2) || !CatalogJson.write(s.after()).equals(CatalogJson.write(again.catalog()))) {
          return PropertyCheck.failure(run, List.of(new Invariants.Violation("snapshot-round-trip", "api.md §3",
              "the live catalog decided\n    " + d1 + "\n  its snapshot read back decided\n    " + d2)));
        }
      }
      JsonNode written = CatalogJson.write(s.after());
      Catalog read = CatalogJson.read(written, "$");
      if (!CatalogJson.write(read).equals(written)) {
        return PropertyCheck.failure(run, List.of(new Invariants.Violation("snapshot-round-trip", "api.md §3",
            "a snapshot read back writes differently:\n    " + written + "\n    " + CatalogJson.write(read))));
      }
      Engine.Result loaded = Engine.settle(RULES, read);
      if (loaded.decision().effects().stream().anyMatch(Effect::changesCatalog)) {
        return PropertyCheck.failure(run, List.of(new Invariants.Violation("snapshot-round-trip", "R3",
            "loading the snapshot written after this step changes it: " + loaded.decision().effects())));
      }
      readBack = loaded.catalog();
    }
    return null;
  }
}
