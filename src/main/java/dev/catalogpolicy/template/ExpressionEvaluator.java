package dev.catalogpolicy.template;

import dev.catalogpolicy.template.Expression.Comparison;
import dev.catalogpolicy.template.Expression.Comparison.Kind;
import dev.catalogpolicy.template.Value.Bool;
import dev.catalogpolicy.template.Value.Lst;
import dev.catalogpolicy.template.Value.Str;
import dev.catalogpolicy.template.Value.Unresolved;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Evaluates expressions against an {@link EvaluationContext}. Every argument is evaluated (no
 * short-circuit), so anything unresolved anywhere makes the whole expression unresolved.
 */
final class ExpressionEvaluator {
    private final EvaluationContext ctx;
    private final ResourceFunctions resources;

    ExpressionEvaluator(EvaluationContext ctx) {
        this.ctx = ctx;
        this.resources = new ResourceFunctions(ctx);
    }

    /** Evaluates {@code e} where a condition is required ({@code role} is e.g. "Assert"); Bool or Unresolved. */
    Value condition(Expression e, String role) {
        return asBool(eval(e), role, e);
    }

    Value eval(Expression e) {
        if (e instanceof Expression.Literal l) {
            return new Str(l.value());
        }
        if (e instanceof Expression.ListLiteral l) {
            return listLiteral(l);
        }
        if (e instanceof Expression.Ref r) {
            return ref(r);
        }
        if (e instanceof Expression.And a) {
            return logical("Fn::And", a.conditions(), true);
        }
        if (e instanceof Expression.Or o) {
            return logical("Fn::Or", o.conditions(), false);
        }
        if (e instanceof Expression.Not n) {
            Value v = condition(n.condition(), "Fn::Not argument 1");
            return v instanceof Bool b ? new Bool(!b.value(), b.why()) : v;
        }
        if (e instanceof Comparison c) {
            return comparison(c);
        }
        if (e instanceof Expression.ValueOf v) {
            return resources.valueOf(v);
        }
        if (e instanceof Expression.ValueOfAll v) {
            return resources.valueOfAll(v);
        }
        if (e instanceof Expression.RefAll r) {
            return resources.refAll(r);
        }
        throw new IllegalStateException("unhandled expression " + e);
    }

    private Value listLiteral(Expression.ListLiteral l) {
        List<Value> items = new ArrayList<>();
        for (int i = 0; i < l.items().size(); i++) {
            Expression item = l.items().get(i);
            items.add(asString(eval(item), "list item " + (i + 1), item));
        }
        Unresolved bad = Value.merge(items);
        return bad != null ? bad : new Lst(items.stream().map(v -> ((Str) v).value()).toList());
    }

    private Value ref(Expression.Ref r) {
        String value = switch (r.name()) {
            case "AWS::Region" -> ctx.region();
            case "AWS::AccountId" -> ctx.accountId();
            case "AWS::Partition" -> ctx.partition();
            default -> ctx.parameters().get(r.name());
        };
        if (value != null) {
            return new Str(value);
        }
        return Unresolved.of(r.isPseudo()
                ? "pseudo parameter " + r.name() + " is not known"
                : "parameter " + r.name() + " was not given");
    }

    /** And ({@code all} true) or Or; the why lists the conditions that decided the result. */
    private Value logical(String fn, List<Expression> conditions, boolean all) {
        List<Value> values = new ArrayList<>();
        for (int i = 0; i < conditions.size(); i++) {
            values.add(condition(conditions.get(i), fn + " argument " + (i + 1)));
        }
        Unresolved bad = Value.merge(values);
        if (bad != null) {
            return bad;
        }
        List<Bool> bools = values.stream().map(Bool.class::cast).toList();
        boolean result = all ? bools.stream().allMatch(Bool::value) : bools.stream().anyMatch(Bool::value);
        List<String> decisive = bools.stream().filter(b -> b.value() == result).map(Bool::why).toList();
        String why = decisive.size() == 1 ? decisive.get(0) : "(" + String.join(" and ", decisive) + ")";
        return new Bool(result, why);
    }

    private Value comparison(Comparison c) {
        String fn = c.kind().functionName();
        Value left = eval(c.left());
        Value right = eval(c.right());
        if (c.kind() == Kind.EQUALS) {
            boolean lists = left instanceof Lst || right instanceof Lst;
            left = lists ? asList(left, fn + " argument 1", c.left()) : asString(left, fn + " argument 1", c.left());
            right = lists ? asList(right, fn + " argument 2", c.right()) : asString(right, fn + " argument 2", c.right());
        } else {
            left = asList(left, fn + " argument 1", c.left());
            right = c.kind() == Kind.EACH_MEMBER_IN
                    ? asList(right, fn + " argument 2", c.right())
                    : asString(right, fn + " argument 2", c.right());
        }
        Unresolved bad = Value.merge(left, right);
        if (bad != null) {
            return bad;
        }
        return compare(c.kind(), left, right);
    }

    private static Bool compare(Kind kind, Value left, Value right) {
        String call = kind.shortName() + "(" + left.render() + ", " + right.render() + ")";
        return switch (kind) {
            case EQUALS -> verdict(call, left.equals(right), "");
            case CONTAINS -> verdict(call, ((Lst) left).items().contains(((Str) right).value()), "");
            case EACH_MEMBER_EQUALS -> eachMember(call, ((Lst) left).items(),
                    m -> m.equals(((Str) right).value()), "not equal");
            case EACH_MEMBER_IN -> eachMember(call, ((Lst) left).items(),
                    ((Lst) right).items()::contains, "not in the list");
        };
    }

    /** EachMember*: true when every member passes; an empty list is vacuously true. */
    private static Bool eachMember(String call, List<String> members, Function<String, Boolean> test, String miss) {
        if (members.isEmpty()) {
            return verdict(call, true, " (vacuously: the list is empty)");
        }
        List<String> misses = members.stream().filter(m -> !test.apply(m)).toList();
        String detail = misses.isEmpty() ? ""
                : " (" + miss + ": " + misses.stream().map(Text::quote).collect(Collectors.joining(", ")) + ")";
        return verdict(call, misses.isEmpty(), detail);
    }

    private static Bool verdict(String call, boolean value, String detail) {
        return new Bool(value, call + " is " + value + detail);
    }

    private static Value asBool(Value v, String role, Expression e) {
        return v instanceof Str || v instanceof Lst ? mismatch(v, role, e, "a condition") : v;
    }

    private static Value asString(Value v, String role, Expression e) {
        return v instanceof Lst || v instanceof Bool ? mismatch(v, role, e, "a string") : v;
    }

    /** A list as is; a string as its comma-separated members. */
    private static Value asList(Value v, String role, Expression e) {
        if (v instanceof Str s) {
            return new Lst(Text.splitCommaList(s.value()));
        }
        return v instanceof Bool ? mismatch(v, role, e, "a list") : v;
    }

    private static Unresolved mismatch(Value v, String role, Expression e, String expected) {
        String got = v instanceof Str s ? "the string " + s.render()
                : v instanceof Lst l ? "the list " + l.render()
                : "a condition";
        return Unresolved.of(role + ", " + e.describe() + ", is " + got + ", expected " + expected);
    }
}
