package dev.catalogpolicy.facts;

/** A principal association of {@code portfolio} matches the caller ({@code via}: the association's ARN) (L1, H3). */
public record Grant(String portfolio, String via) {}
