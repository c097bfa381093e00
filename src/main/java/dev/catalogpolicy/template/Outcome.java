package dev.catalogpolicy.template;

import java.util.Objects;

/**
 * The result of one assertion of one rule, or of a whole skipped rule ({@code assertIndex} -1).
 *
 * @param ruleName          the rule's name
 * @param assertIndex       zero-based index in the rule's Assertions; -1 for a SKIPPED rule
 * @param status            see {@link Status}
 * @param assertDescription the assertion's AssertDescription; null if absent or SKIPPED
 * @param message           what held or did not (PASSED / FAILED / SKIPPED), or what was missing (UNRESOLVED)
 */
public record Outcome(String ruleName, int assertIndex, Status status, String assertDescription, String message) {

    public enum Status {
        /** The assertion held. */
        PASSED,
        /** The assertion did not hold: the launch breaks the constraint. */
        FAILED,
        /** The rule's RuleCondition was false, so its assertions do not apply. */
        SKIPPED,
        /** Could not be decided (missing parameter, unknown resource, type mismatch): never treat as passed. */
        UNRESOLVED
    }

    public Outcome {
        Objects.requireNonNull(ruleName, "ruleName");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        String where = assertIndex < 0 ? ruleName : ruleName + "[" + assertIndex + "]";
        String desc = assertDescription == null ? "" : " — " + assertDescription;
        return status + " " + where + ": " + message + desc;
    }
}
