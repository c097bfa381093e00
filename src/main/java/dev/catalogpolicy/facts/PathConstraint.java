package dev.catalogpolicy.facts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.catalogpolicy.engine.Caller;

import dev.catalogpolicy.model.Constraint;

/** A constraint in force on a launch path; origin SHARED (from the shared portfolio) or LOCAL (H2, H4). */
public record PathConstraint(@JsonIgnore Caller subject, String portfolio, String product, String type, String origin, Constraint constraint) implements AboutCaller {
  public String constraintId() {
    return constraint.id();
  }
}
