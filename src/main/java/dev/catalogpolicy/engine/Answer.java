package dev.catalogpolicy.engine;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.catalogpolicy.facts.LaunchPath;
import dev.catalogpolicy.facts.PathRole;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** What a query or launch answers besides allow/deny, filled by the rules' {@code out.answer()}. */
public final class Answer {
  /** The launch block of api.md §2; {@code launchRoleArn} is null when the user's own credentials launch. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Launch(String pathId, String pathKind, String launchRoleArn, String launchRoleSource,
                       String billingAccount, List<TemplateConstraintRef> templateConstraints,
                       List<Violation> violations) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record TemplateConstraintRef(String constraintId, String origin, String portfolio, List<String> rules) {}

  public record Violation(String constraintId, String rule, String assertDescription) {}

  public record Path(String pathId, String pathKind, String portfolioOwner, String launchRoleArn,
                     String launchRoleSource, List<String> constraintTypes) {}

  public record Finding(String code, String message, List<Object> facts) {}

  private LaunchPath launchPath;
  private PathRole launchRole;
  private final List<TemplateConstraintRef> templateConstraints = new ArrayList<>();
  private final List<Violation> violations = new ArrayList<>();
  private final List<Map<String, Object>> constraints = new ArrayList<>();
  private List<Path> paths;
  private TreeSet<String> products;
  private List<Finding> findings;

  // ---- called by rules -------------------------------------------------------------------------

  public void launch(LaunchPath path, PathRole role) {
    this.launchPath = path;
    this.launchRole = role;
  }

  public void templateConstraint(String constraintId, String origin, String portfolio, List<String> rules) {
    templateConstraints.add(new TemplateConstraintRef(constraintId, origin, portfolio, rules));
  }

  public void violation(String constraintId, String rule, String assertDescription) {
    violations.add(new Violation(constraintId, rule, assertDescription));
  }

  public void constraint(String constraintId, String type, String origin, String portfolio) {
    constraints.add(Map.of("constraintId", constraintId, "type", type, "origin", origin, "portfolio", portfolio));
  }

  public void path(LaunchPath p, PathRole role, Collection<String> constraintTypes) {
    if (paths == null) paths = new ArrayList<>();
    paths.add(new Path(p.portfolio(), p.kind(), p.owner(), role == null ? null : role.arn(),
        role == null ? null : role.source(), List.copyOf(new TreeSet<>(constraintTypes))));
  }

  public void product(String id) {
    if (products == null) products = new TreeSet<>();
    products.add(id);
  }

  /** Marks a query whose answer may be empty (SearchProducts with no product). */
  public void products() {
    if (products == null) products = new TreeSet<>();
  }

  /** Marks an audit, whose answer may hold no finding. */
  public void findings() {
    if (findings == null) findings = new ArrayList<>();
  }

  public void finding(String code, String message, Object... facts) {
    if (!ReasonCodes.exists(code)) throw new IllegalArgumentException("unknown finding code " + code);
    if (findings == null) findings = new ArrayList<>();
    findings.add(new Finding(code, message, List.of(facts)));
  }

  // ---- read by the engine ------------------------------------------------------------------------

  Launch launch() {
    if (launchPath == null && launchRole == null && violations.isEmpty()) return null;
    return new Launch(launchPath == null ? null : launchPath.portfolio(), launchPath == null ? null : launchPath.kind(),
        launchRole == null ? null : launchRole.arn(), launchRole == null ? null : launchRole.source(),
        launchRole == null ? null : launchRole.billingAccount(), List.copyOf(templateConstraints), List.copyOf(violations));
  }

  List<Map<String, Object>> constraints() { return constraints; }
  List<Path> paths() { return paths; }
  List<String> productList() { return products == null ? null : List.copyOf(products); }
  List<Finding> findingList() { return findings; }
}
