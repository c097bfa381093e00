package dev.catalogpolicy.model;

/** An account; {@code organization} and {@code parent} (an OU id) are null outside any organization. */
public record Account(String id, String organization, String parent) {}
