package dev.catalogpolicy.template;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** One named rule: an optional {@code RuleCondition} (null when absent) and its non-empty assertions. */
public record Rule(String name, Expression condition, List<Assertion> assertions) {
    public Rule {
        Objects.requireNonNull(name, "name");
        assertions = List.copyOf(assertions);
        if (assertions.isEmpty()) {
            throw new IllegalArgumentException("a rule needs at least one assertion");
        }
    }

    /**
     * One line per assertion, joined with {@code \n}:
     * {@code when <condition>: assert <expression> — <description>}, without the {@code when} part
     * if the rule has no condition.
     */
    public String describe() {
        String when = condition == null ? "" : "when " + condition.describe() + ": ";
        return assertions.stream().map(a -> when + a.describe()).collect(Collectors.joining("\n"));
    }
}
