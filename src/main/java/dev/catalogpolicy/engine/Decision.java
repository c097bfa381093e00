package dev.catalogpolicy.engine;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.Map;

/** A decision as api.md §2 shapes it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"decision", "reasons", "error", "effects", "launch", "paths", "products", "constraints",
    "findings", "impact", "decisionId"})
public record Decision(String decision, List<Reason> reasons, String error, List<Effect> effects,
                       Answer.Launch launch, List<Answer.Path> paths, List<String> products,
                       List<Map<String, Object>> constraints, List<Answer.Finding> findings,
                       Object impact, String decisionId, @JsonIgnore List<String> firedRules) {
  public static final String ALLOW = "ALLOW";
  public static final String DENY = "DENY";

  @JsonIgnore
  public boolean allowed() {
    return ALLOW.equals(decision);
  }

  /** The same decision under another id: the same question answered again ({@code live/Answers}). */
  public Decision withDecisionId(String id) {
    return new Decision(decision, reasons, error, effects, launch, paths, products, constraints, findings, impact, id,
        firedRules);
  }

  public Decision withImpact(Object impactValue) {
    return new Decision(decision, reasons, error, effects, launch, paths, products, constraints, findings,
        impactValue, decisionId, firedRules);
  }
}
