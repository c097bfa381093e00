package dev.catalogpolicy.template;

import dev.catalogpolicy.template.Outcome.Status;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates TEMPLATE constraint rules for one launch. Fails closed: whatever cannot be decided is
 * UNRESOLVED, never PASSED.
 *
 * <ul>
 *   <li>RuleCondition false: one SKIPPED outcome for the rule (assertIndex -1), unless an assertion
 *       cannot be evaluated: then that assertion is UNRESOLVED (semantics R8: an unknown parameter
 *       anywhere makes the rule unresolved);</li>
 *   <li>RuleCondition unresolved: every assertion UNRESOLVED;</li>
 *   <li>RuleCondition true or absent: each Assert is PASSED, FAILED or UNRESOLVED.</li>
 * </ul>
 *
 * <p>Every function argument is evaluated, so a missing parameter anywhere in an expression makes
 * it UNRESOLVED even where another branch would decide (e.g. {@code Or(true, Ref(Missing))}).
 * Where a list is expected a string value is split on commas (items trimmed, empty items kept).
 * Fn::EachMemberEquals and Fn::EachMemberIn are vacuously true for an empty list, which can only
 * come from an empty list literal or from Fn::RefAll / Fn::ValueOfAll finding no parameter of the
 * type; see {@link ResourceFunctions} for how parameter types are inferred.
 */
public final class TemplateEvaluator {
    private TemplateEvaluator() {
    }

    public static Evaluation evaluate(TemplateRules rules, EvaluationContext ctx) {
        ExpressionEvaluator evaluator = new ExpressionEvaluator(ctx);
        List<Outcome> outcomes = new ArrayList<>();
        for (Rule rule : rules.rules()) {
            outcomes.addAll(evaluate(rule, evaluator));
        }
        return new Evaluation(outcomes);
    }

    private static List<Outcome> evaluate(Rule rule, ExpressionEvaluator evaluator) {
        List<Outcome> out = new ArrayList<>();
        String conditionUnresolved = null;
        if (rule.condition() != null) {
            Value c = evaluator.condition(rule.condition(), "RuleCondition");
            if (c instanceof Value.Bool b && !b.value()) {
                return skipped(rule, evaluator, "RuleCondition is false: " + b.why());
            }
            if (c instanceof Value.Unresolved u) {
                conditionUnresolved = "RuleCondition is unresolved: " + u.message();
            }
        }
        for (Assertion a : rule.assertions()) {
            if (conditionUnresolved != null) {
                out.add(outcome(rule, a, Status.UNRESOLVED, conditionUnresolved));
                continue;
            }
            Value v = evaluator.condition(a.expression(), "Assert");
            if (v instanceof Value.Bool b) {
                out.add(outcome(rule, a, b.value() ? Status.PASSED : Status.FAILED, b.why()));
            } else {
                out.add(outcome(rule, a, Status.UNRESOLVED, ((Value.Unresolved) v).message()));
            }
        }
        return out;
    }

    /** A rule whose condition is false: skipped, but fail closed on assertions that cannot be evaluated (R8). */
    private static List<Outcome> skipped(Rule rule, ExpressionEvaluator evaluator, String why) {
        List<Outcome> out = new ArrayList<>();
        for (Assertion a : rule.assertions()) {
            if (evaluator.condition(a.expression(), "Assert") instanceof Value.Unresolved u) {
                out.add(outcome(rule, a, Status.UNRESOLVED, why + ", but the assertion cannot be evaluated: " + u.message()));
            }
        }
        return out.isEmpty() ? List.of(new Outcome(rule.name(), -1, Status.SKIPPED, null, why)) : out;
    }

    private static Outcome outcome(Rule rule, Assertion a, Status status, String message) {
        return new Outcome(rule.name(), a.index(), status, a.description(), message);
    }
}
