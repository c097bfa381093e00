package dev.catalogpolicy.facts;

/** An IAM identity the caller acts as: its principal, the role of its session, each of its groups (R6). */
public record Identity(String arn) {}
