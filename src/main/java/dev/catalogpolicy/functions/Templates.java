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
  /** A constraint's parameters parsed (or the fault of parsing them), and their readable lines. */
  private record Parsed(TemplateRules rules, TemplateRulesException fault, List<String> lines) {
    static Parsed of(JsonNode parameters) {
      try {
        TemplateRules r = TemplateRules.parse(parameters);
        return new Parsed(r, null, r.describe().lines().toList());
      } catch (TemplateRulesException e) {
        return new Parsed(null, e, List.of("unparseable: " + e.getMessage()));
      }
    }
  }

  /** Every launch through a path with a template constraint lists and checks it: parse each once. */
  private static final IdentityMemo<JsonNode, Parsed> PARSED = new IdentityMemo<>(50_000, Parsed::of);

  private Templates() {}

  private static Parsed parsed(Constraint c) {
    return c.parameters() == null ? Parsed.of(null) : PARSED.get(c.parameters());
  }

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
    return parsed(c).lines();
  }

  /** Every assertion of the constraint checked against the launch's parameters. */
  public static List<TemplateOutcome> check(Constraint c, Map<String, String> parameters, Call call,
                                            Collection<?> resources) {
    Parsed p = parsed(c);
    TemplateRules rules = p.rules();
    if (rules == null) {
      TemplateRulesException e = p.fault();
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
