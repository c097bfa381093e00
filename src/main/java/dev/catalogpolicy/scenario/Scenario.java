package dev.catalogpolicy.scenario;

import dev.catalogpolicy.catalog.Catalog;

import java.util.List;

/** A catalog and the ordered calls made against it, each with an optional expectation (api.md §4). */
public record Scenario(String name, String source, Catalog catalog, List<Step> steps) {
  public Scenario {
    steps = List.copyOf(steps);
  }
}
