package dev.catalogpolicy.model;

/** An IAM role known to exist (the catalog's {@code roles} list). */
public record Role(String arn) {}
