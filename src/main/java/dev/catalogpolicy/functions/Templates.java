package dev.catalogpolicy.functions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalogpolicy.engine.Call;
import dev.catalogpolicy.facts.TemplateOutcome;
import dev.catalogpolicy.model.Constraint;
import dev.catalogpolicy.model.Resource;
import dev.catalogpolicy.template.EvaluationContext;
import dev.catalogpolicy.template.Outcome;
import dev.catalogpolicy.template.TemplateEvaluator;
import dev.catalogpolicy.template.TemplateRules;
import dev.catalogpolicy.template.TemplateRulesException;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The bridge from rules to the template-rule interpreter (L6): parse faults, checks, readable forms. */
public final class Templates {
  private Templates() {}

  /** Null when the TEMPLATE parameters parse; otherwise what is wrong, with the rule and JSON path. */
  public static String parseFault(JsonNode parameters) {
    try {
      TemplateRules.parse(parameters);
      return null;
    } catch (TemplateRulesException e) {
      String rule = e.ruleName() == null ? "" : "rule " + e.ruleName() + ", ";
      return rule + "at " + e.jsonPath() + ": " + e.getMessage();
    }
  }

  /** One line per assertion, as a user reads them before launching. */
  public static List<String> describe(Constraint c) {
    try {
      return TemplateRules.parse(c.parameters()).describe().lines().toList();
    } catch (TemplateRulesException e) {
      return List.of("unparseable: " + e.getMessage());
    }
  }

  /** Every assertion of the constraint checked against the launch's parameters. */
  public static List<TemplateOutcome> check(Constraint c, Map<String, String> parameters, Call call,
                                            Collection<?> resources) {
    TemplateRules rules;
    try {
      rules = TemplateRules.parse(c.parameters());
    } catch (TemplateRulesException e) {
      return List.of(new TemplateOutcome(c.id(), c.portfolio(), e.ruleName() == null ? "?" : e.ruleName(), -1,
          Outcome.Status.UNRESOLVED.name(), null, "the constraint's rules do not parse: " + e.getMessage()));
    }
    EvaluationContext.Builder ctx = EvaluationContext.builder().parameters(parameters)
        .region(call.getRegion()).accountId(call.getAccount());
    for (Object o : resources) {
      Resource r = (Resource) o;
      ctx.resource(r.id(), r.type(), r.attributes());
    }
    EvaluationContext context;
    try {
      context = ctx.build();
    } catch (IllegalArgumentException e) {
      return List.of(new TemplateOutcome(c.id(), c.portfolio(), "?", -1, Outcome.Status.UNRESOLVED.name(), null,
          "the catalog's resources cannot be used: " + e.getMessage()));
    }
    return TemplateEvaluator.evaluate(rules, context).outcomes().stream()
        .map(o -> new TemplateOutcome(c.id(), c.portfolio(), o.ruleName(), o.assertIndex(), o.status().name(),
            o.assertDescription(), o.message()))
        .toList();
  }
}
