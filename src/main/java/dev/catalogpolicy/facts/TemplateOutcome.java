package dev.catalogpolicy.facts;

/** One assertion of a template constraint checked against a launch's parameters (L6). */
public record TemplateOutcome(String constraintId, String portfolio, String rule, int assertIndex, String status,
                              String assertDescription, String message) {}
