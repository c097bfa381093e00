package dev.catalogpolicy.property;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Runs a property over generated cases: {@code tries} worlds with a sequence of calls each, from a
 * seed (random, or {@code -Dcatalogpolicy.propertySeed=N} to replay one). The first failing case
 * is shrunk ({@link Shrinker}) and written as a scenario; the error names the seed, the try, the
 * invariant and the file.
 */
final class PropertyCheck {
  /** A property's failure: at which step (0-based) of the case, what broke, and the run that broke it. */
  record Failure(int step, String message, SequenceRun run) {}

  static final int TRIES = Integer.getInteger("catalogpolicy.propertyTries", 80);
  static final int MAX_STEPS = Integer.getInteger("catalogpolicy.propertySteps", 40);

  private PropertyCheck() {}

  static void check(String name, int tries, Function<Shrinker.Case, Failure> property) {
    long seed = Long.getLong("catalogpolicy.propertySeed", new Random().nextLong());
    Random r = new Random(seed);
    for (int i = 0; i < tries; i++) {
      Shrinker.Case c = new Shrinker.Case(Generators.world(r), Generators.actions(r, MAX_STEPS));
      Failure f = property.apply(c);
      if (f == null) continue;
      Shrinker shrinker = new Shrinker(property, 4000, 60_000);
      Failure small = shrinker.shrink(c, f);
      Path file = small.run().writeCounterExample(name, small.message().lines().findFirst().orElse(""));
      throw new AssertionError(name + " failed on try " + (i + 1) + " of seed " + seed + " (replay: -Dcatalogpolicy.propertySeed="
          + seed + "); shrunk in " + shrinker.tries() + " tries to " + small.run().steps().size() + " step(s):\n" + small.message()
          + "\n  counter-example written to " + file + "\n  first failure before shrinking (" + c.actions().size() + " steps): "
          + f.message().lines().findFirst().orElse(""));
    }
  }

  static Failure failure(SequenceRun run, List<Invariants.Violation> violations) {
    if (violations.isEmpty()) return null;
    StringBuilder sb = new StringBuilder();
    violations.forEach(v -> sb.append(sb.length() == 0 ? "" : "\n  ").append(v));
    if (!run.steps().isEmpty()) sb.append("\n  at call: ").append(run.steps().get(run.steps().size() - 1).call());
    return new Failure(Math.max(0, run.steps().size() - 1), sb.toString(), run);
  }
}
