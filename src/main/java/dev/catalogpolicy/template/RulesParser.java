package dev.catalogpolicy.template;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.catalogpolicy.template.Expression.Comparison.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Turns constraint Parameters into {@link TemplateRules}; every fault is a {@link TemplateRulesException}. */
final class RulesParser {
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_:\\-]+");
    private static final Set<String> RULE_KEYS = Set.of("RuleCondition", "Assertions");
    private static final Set<String> ASSERTION_KEYS = Set.of("Assert", "AssertDescription");

    /** The rule being parsed, for faults; null outside rules. */
    private String rule;

    TemplateRules parse(JsonNode parameters) {
        JsonNode root = unwrap(parameters);
        if (!root.isObject()) {
            throw fault("$", "Parameters must be a JSON object, got " + kind(root));
        }
        JsonNode rulesNode = root.get("Rules");
        if (rulesNode == null) {
            throw fault("$", "Parameters has no Rules");
        }
        if (!rulesNode.isObject()) {
            throw fault("$.Rules", "Rules must be an object, got " + kind(rulesNode));
        }
        if (rulesNode.isEmpty()) {
            throw fault("$.Rules", "Rules declares no rules");
        }
        List<Rule> rules = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : rulesNode.properties()) {
            rule = e.getKey();
            rules.add(parseRule(e.getKey(), e.getValue(), key("$.Rules", e.getKey())));
            rule = null;
        }
        return new TemplateRules(rules);
    }

    private JsonNode unwrap(JsonNode parameters) {
        if (parameters == null || parameters.isMissingNode() || parameters.isNull()) {
            throw fault("$", "Parameters is missing");
        }
        if (!parameters.isTextual()) {
            return parameters;
        }
        try {
            JsonNode parsed = STRICT.readTree(parameters.textValue());
            if (parsed == null || parsed.isMissingNode()) {
                throw fault("$", "Parameters is an empty string");
            }
            return parsed;
        } catch (JsonProcessingException ex) {
            throw new TemplateRulesException(null, "$",
                    "Parameters is not valid JSON: " + ex.getOriginalMessage(), ex);
        }
    }

    private Rule parseRule(String name, JsonNode node, String path) {
        if (!node.isObject()) {
            throw fault(path, "rule must be an object, got " + kind(node));
        }
        rejectUnknownKeys(node, path, RULE_KEYS, "rule");
        JsonNode conditionNode = node.get("RuleCondition");
        Expression condition = conditionNode == null ? null : expr(conditionNode, key(path, "RuleCondition"));
        JsonNode list = node.get("Assertions");
        String listPath = key(path, "Assertions");
        if (list == null) {
            throw fault(path, "rule has no Assertions");
        }
        if (!list.isArray() || list.isEmpty()) {
            throw fault(listPath, "Assertions must be a non-empty array, got " + kind(list));
        }
        List<Assertion> assertions = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            assertions.add(parseAssertion(list.get(i), i, listPath + "[" + i + "]"));
        }
        return new Rule(name, condition, assertions);
    }

    private Assertion parseAssertion(JsonNode node, int index, String path) {
        if (!node.isObject()) {
            throw fault(path, "assertion must be an object, got " + kind(node));
        }
        rejectUnknownKeys(node, path, ASSERTION_KEYS, "assertion");
        JsonNode assertNode = node.get("Assert");
        if (assertNode == null) {
            throw fault(path, "assertion has no Assert");
        }
        Expression expression = expr(assertNode, key(path, "Assert"));
        JsonNode description = node.get("AssertDescription");
        if (description != null && !description.isTextual()) {
            throw fault(key(path, "AssertDescription"), "AssertDescription must be a string, got " + kind(description));
        }
        return new Assertion(index, expression, description == null ? null : description.textValue());
    }

    private Expression expr(JsonNode node, String path) {
        if (node.isTextual() || node.isNumber() || node.isBoolean()) {
            return new Expression.Literal(node.asText());
        }
        if (node.isArray()) {
            List<Expression> items = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                items.add(expr(node.get(i), path + "[" + i + "]"));
            }
            return new Expression.ListLiteral(items);
        }
        if (!node.isObject()) {
            throw fault(path, "expected a value, list or function, got " + kind(node));
        }
        if (node.size() != 1) {
            throw fault(path, "a function object must have exactly one key, got " + node.size()
                    + (node.isEmpty() ? "" : ": " + String.join(", ", keys(node))));
        }
        String fn = keys(node).get(0);
        return function(fn, node.get(fn), key(path, fn));
    }

    private Expression function(String fn, JsonNode arg, String path) {
        switch (fn) {
            case "Fn::And":
                return new Expression.And(exprs(arg, path, fn, 2, 10, "conditions"));
            case "Fn::Or":
                return new Expression.Or(exprs(arg, path, fn, 2, 10, "conditions"));
            case "Fn::Not":
                return new Expression.Not(exprs(arg, path, fn, 1, 1, "condition").get(0));
            case "Fn::Equals":
                return comparison(Kind.EQUALS, arg, path, "values");
            case "Fn::Contains":
                return comparison(Kind.CONTAINS, arg, path, "arguments (a list and a string)");
            case "Fn::EachMemberEquals":
                return comparison(Kind.EACH_MEMBER_EQUALS, arg, path, "arguments (a list and a string)");
            case "Fn::EachMemberIn":
                return comparison(Kind.EACH_MEMBER_IN, arg, path, "arguments (two lists)");
            case "Ref":
                return ref(name(arg, path, "Ref takes a parameter name"), path);
            case "Fn::RefAll":
                return new Expression.RefAll(name(arg, path, "Fn::RefAll takes a parameter type"));
            case "Fn::ValueOf": {
                List<String> a = names(arg, path, "Fn::ValueOf takes [parameterName, attribute]");
                return new Expression.ValueOf(a.get(0), a.get(1));
            }
            case "Fn::ValueOfAll": {
                List<String> a = names(arg, path, "Fn::ValueOfAll takes [parameterType, attribute]");
                return new Expression.ValueOfAll(a.get(0), a.get(1));
            }
            default:
                throw fault(path, "unknown function " + fn);
        }
    }

    private Expression comparison(Kind kind, JsonNode arg, String path, String what) {
        List<Expression> args = exprs(arg, path, kind.functionName(), 2, 2, what);
        return new Expression.Comparison(kind, args.get(0), args.get(1));
    }

    private List<Expression> exprs(JsonNode arg, String path, String fn, int min, int max, String what) {
        String count = min == max ? "exactly " + min : min + " to " + max;
        if (!arg.isArray()) {
            throw fault(path, fn + " takes an array of " + count + " " + what + ", got " + kind(arg));
        }
        if (arg.size() < min || arg.size() > max) {
            throw fault(path, fn + " takes " + count + " " + what + ", got " + arg.size());
        }
        List<Expression> out = new ArrayList<>();
        for (int i = 0; i < arg.size(); i++) {
            out.add(expr(arg.get(i), path + "[" + i + "]"));
        }
        return out;
    }

    private Expression ref(String name, String path) {
        if (name.startsWith("AWS::") && !Expression.Ref.PSEUDO_PARAMETERS.contains(name)) {
            throw fault(path, "unsupported pseudo parameter " + name + "; supported: "
                    + String.join(", ", Expression.Ref.PSEUDO_PARAMETERS));
        }
        return new Expression.Ref(name);
    }

    private String name(JsonNode arg, String path, String usage) {
        if (!arg.isTextual() || arg.textValue().isBlank()) {
            throw fault(path, usage + " as a non-empty string, got " + kind(arg));
        }
        return arg.textValue();
    }

    private List<String> names(JsonNode arg, String path, String usage) {
        if (!arg.isArray() || arg.size() != 2) {
            throw fault(path, usage + ", got " + kind(arg));
        }
        for (int i = 0; i < 2; i++) {
            JsonNode item = arg.get(i);
            if (!item.isTextual() || item.textValue().isBlank()) {
                throw fault(path + "[" + i + "]", usage + " as non-empty strings, got " + kind(item));
            }
        }
        return List.of(arg.get(0).textValue(), arg.get(1).textValue());
    }

    private void rejectUnknownKeys(JsonNode node, String path, Set<String> allowed, String what) {
        for (String k : keys(node)) {
            if (!allowed.contains(k)) {
                throw fault(key(path, k), "unknown key " + k + " in " + what + "; allowed: "
                        + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    private TemplateRulesException fault(String path, String message) {
        return new TemplateRulesException(rule, path, message);
    }

    /** The path of a key under {@code path}: {@code .key}, or {@code ['key']} if it has unusual characters. */
    static String key(String path, String key) {
        return PLAIN_KEY.matcher(key).matches()
                ? path + "." + key
                : path + "['" + key.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }

    private static String kind(JsonNode node) {
        if (node.isArray()) {
            return "an array of " + node.size();
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isTextual()) {
            return "a string " + Text.quote(node.textValue());
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        return "null";
    }

    private static List<String> keys(JsonNode node) {
        return node.properties().stream().map(Map.Entry::getKey).toList();
    }
}
