package dev.catalogpolicy.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The rules of an AWS Service Catalog TEMPLATE constraint, parsed from its Parameters
 * ({@code {"Rules": {...}}}, the CloudFormation {@code Rules} language). Immutable.
 */
public final class TemplateRules {
    private final List<Rule> rules;

    TemplateRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * Parses a constraint's Parameters: a JSON object, or a JSON string holding that object (as AWS
     * passes it). Top-level keys other than {@code Rules} are ignored.
     *
     * @throws TemplateRulesException on any fault, with the rule name and JSON path of the fault
     */
    public static TemplateRules parse(JsonNode parameters) {
        return new RulesParser().parse(parameters);
    }

    /** The rules in document order. */
    public List<Rule> rules() {
        return rules;
    }

    /** The rule of that name, or null. */
    public Rule rule(String name) {
        return rules.stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
    }

    /** Every rule's {@link Rule#describe()}, each line prefixed by {@code <rule name>: }. */
    public String describe() {
        return rules.stream()
                .flatMap(r -> r.describe().lines().map(line -> r.name() + ": " + line))
                .collect(Collectors.joining("\n"));
    }

    @Override
    public String toString() {
        return describe();
    }
}
