package dev.catalogpolicy.template;

import java.util.Objects;

/**
 * One entry of a rule's {@code Assertions}: the {@code Assert} condition, its optional
 * {@code AssertDescription} (null when absent) and its zero-based index in the array.
 */
public record Assertion(int index, Expression expression, String description) {
    public Assertion {
        Objects.requireNonNull(expression, "expression");
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0, got " + index);
        }
    }

    /** One line: {@code assert <expression>}, followed by {@code  — <description>} when present. */
    public String describe() {
        return "assert " + expression.describe() + (description == null ? "" : " — " + description);
    }
}
