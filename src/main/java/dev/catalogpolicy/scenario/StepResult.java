package dev.catalogpolicy.scenario;

import dev.catalogpolicy.engine.Decision;

import java.util.List;

/** A step's decision and how it met its expectation (no expectation: passed). */
public record StepResult(Step step, Decision decision, List<String> mismatches) {
  public boolean passed() {
    return mismatches.isEmpty();
  }
}
