package dev.catalogpolicy.model;

/** An organization import that the recipient rejected; it holds until accepted again (R4). */
public record ImportRejection(String portfolio, String account) {}
