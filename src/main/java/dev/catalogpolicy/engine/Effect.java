package dev.catalogpolicy.engine;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.catalogpolicy.model.*;

/**
 * One change a decision makes, propagation included. {@code op} says what happens to the catalog:
 * ADD, REMOVE or UPDATE of {@code fact}, or NONE for a change that follows from others (a product appearing
 * in an imported portfolio, a provisioned product left without a path). Effects are facts too: the
 * rules that propagate a change match on them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Effect(String kind, String op, String account, String portfolio, String product,
                     String detail, String rule, @JsonIgnore Object fact) {
  public static final String ADD = "ADD";
  public static final String REMOVE = "REMOVE";
  public static final String UPDATE = "UPDATE";
  public static final String NONE = "NONE";

  public static Effect of(String kind, String op, Object fact, String rule) {
    String account = null, portfolio = null, product = null, detail = null;
    if (fact instanceof Portfolio p) { account = p.owner(); portfolio = p.id(); }
    else if (fact instanceof Product p) { account = p.owner(); product = p.id(); }
    else if (fact instanceof ProvisioningArtifact v) { product = v.product(); detail = v.id(); }
    else if (fact instanceof PortfolioProduct pp) { account = pp.account(); portfolio = pp.portfolio(); product = pp.product(); }
    else if (fact instanceof Constraint c) { account = c.account(); portfolio = c.portfolio(); product = c.product(); detail = c.id(); }
    else if (fact instanceof Share s) { portfolio = s.portfolio(); detail = s.type() + ":" + s.value(); if (s.isAccountTarget()) account = s.value(); }
    else if (fact instanceof Import i) { account = i.account(); portfolio = i.portfolio(); detail = i.type(); }
    else if (fact instanceof ImportRejection r) { account = r.account(); portfolio = r.portfolio(); }
    else if (fact instanceof PrincipalAssociation pa) { account = pa.account(); portfolio = pa.portfolio(); detail = pa.arn(); }
    else if (fact instanceof ProvisionedProduct pp) { account = pp.account(); portfolio = pp.path(); product = pp.product(); detail = pp.id(); }
    else if (fact instanceof Organization o) { account = o.managementAccount(); detail = o.id(); }
    else if (fact instanceof Account a) { account = a.id(); detail = a.parent(); }
    else if (fact instanceof RemovedProduct r) { portfolio = r.portfolio(); product = r.product(); }
    return new Effect(kind, op, account, portfolio, product, detail, rule, fact);
  }

  public static Effect note(String kind, String account, String portfolio, String product, String detail, String rule) {
    return new Effect(kind, NONE, account, portfolio, product, detail, rule, null);
  }

  /** True when the effect changes the catalog (as opposed to a consequence shown for information). */
  @JsonIgnore
  public boolean changesCatalog() {
    return !NONE.equals(op);
  }
}
