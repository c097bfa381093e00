package dev.catalogpolicy.model;

/** An OU; {@code parent} is another OU's id, or null for the root. */
public record OrganizationalUnit(String id, String organization, String parent) {}
