package dev.catalogpolicy.facts;

/**
 * OU {@code ou} lies under OU {@code ancestor}, at any depth (O1). Derived from the OU tree alone, so
 * that an account's memberships are one join of its parent with these, not a chain of memberships
 * that a change of the account would have to unwind step by step.
 */
public record OuAncestor(String ou, String ancestor) {}
