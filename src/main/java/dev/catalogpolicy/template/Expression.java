package dev.catalogpolicy.template;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An immutable expression of the CloudFormation rule language, as parsed by {@link TemplateRules#parse}.
 *
 * <p>{@link #describe()} gives a one-line readable form, e.g.
 * {@code Contains(["m1.large", "m1.xlarge"], Ref(InstanceType))}; {@code toString()} returns the same.
 */
public sealed interface Expression {

    /** One-line readable form of this expression. */
    String describe();

    /** A string literal; JSON numbers and booleans are kept in their string form. */
    record Literal(String value) implements Expression {
        public Literal {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String describe() {
            return Text.quote(value);
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    /** A JSON array literal: a list whose members are expressions (each must yield a string). */
    record ListLiteral(List<Expression> items) implements Expression {
        public ListLiteral {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return items.stream().map(Expression::describe).collect(Collectors.joining(", ", "[", "]"));
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    /** {@code Ref}: a provisioning parameter, or AWS::Region / AWS::AccountId / AWS::Partition. */
    record Ref(String name) implements Expression {
        public static final List<String> PSEUDO_PARAMETERS =
                List.of("AWS::Region", "AWS::AccountId", "AWS::Partition");

        public Ref {
            Objects.requireNonNull(name, "name");
        }

        public boolean isPseudo() {
            return PSEUDO_PARAMETERS.contains(name);
        }

        @Override
        public String describe() {
            return "Ref(" + name + ")";
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    /** {@code Fn::And}: 2 to 10 conditions, all true. */
    record And(List<Expression> conditions) implements Expression {
        public And {
            conditions = List.copyOf(conditions);
        }

        @Override
        public String describe() {
            return call("And", conditions);
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    /** {@code Fn::Or}: 2 to 10 conditions, at least one true. */
    record Or(List<Expression> conditions) implements Expression {
        public Or {
            conditions = List.copyOf(conditions);
        }

        @Override
        public String describe() {
            return call("Or", conditions);
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    /** {@code Fn::Not}: negation of exactly one condition. */
    record Not(Expression condition) implements Expression {
        public Not {
            Objects.requireNonNull(condition, "condition");
        }

        @Override
        public String describe() {
            return call("Not", List.of(condition));
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    /**
     * The four two-argument comparison functions. {@code left}/{@code right} are the two JSON
     * arguments in order: (value, value) for Equals, (list, string) for Contains and
     * EachMemberEquals, (list, list) for EachMemberIn.
     */
    record Comparison(Kind kind, Expression left, Expression right) implements Expression {
        public enum Kind {
            EQUALS("Fn::Equals", "Equals"),
            CONTAINS("Fn::Contains", "Contains"),
            EACH_MEMBER_EQUALS("Fn::EachMemberEquals", "EachMemberEquals"),
            EACH_MEMBER_IN("Fn::EachMemberIn", "EachMemberIn");

            private final String functionName;
            private final String shortName;

            Kind(String functionName, String shortName) {
                this.functionName = functionName;
                this.shortName = shortName;
            }

            /** The JSON key, e.g. {@code Fn::Contains}. */
            public String functionName() {
                return functionName;
            }

            /** The name used in readable forms, e.g. {@code Contains}. */
            public String shortName() {
                return shortName;
            }
        }

        public Comparison {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }

        @Override
        public String describe() {
            return call(kind.shortName(), List.of(left, right));
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    /** {@code Fn::ValueOf [parameterName, attribute]}. */
    record ValueOf(String parameter, String attribute) implements Expression {
        public ValueOf {
            Objects.requireNonNull(parameter, "parameter");
            Objects.requireNonNull(attribute, "attribute");
        }

        @Override
        public String describe() {
            return "ValueOf(" + parameter + ", " + attribute + ")";
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    /** {@code Fn::ValueOfAll [parameterType, attribute]}. */
    record ValueOfAll(String parameterType, String attribute) implements Expression {
        public ValueOfAll {
            Objects.requireNonNull(parameterType, "parameterType");
            Objects.requireNonNull(attribute, "attribute");
        }

        @Override
        public String describe() {
            return "ValueOfAll(" + parameterType + ", " + attribute + ")";
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    /** {@code Fn::RefAll parameterType}. */
    record RefAll(String parameterType) implements Expression {
        public RefAll {
            Objects.requireNonNull(parameterType, "parameterType");
        }

        @Override
        public String describe() {
            return "RefAll(" + parameterType + ")";
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    private static String call(String name, List<Expression> args) {
        return args.stream().map(Expression::describe).collect(Collectors.joining(", ", name + "(", ")"));
    }
}
