package dev.catalogpolicy.facts;

/** {@code account} is a member of {@code node}: its organization, its OU and every OU above (O1). */
public record Membership(String account, String node) {}
