package dev.catalogpolicy.model;

/** A portfolio, owned by one account in one region; {@code copyOf} names the original of a deployed copy (I5). */
public record Portfolio(String id, String owner, String region, String name, String copyOf) {}
