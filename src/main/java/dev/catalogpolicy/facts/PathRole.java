package dev.catalogpolicy.facts;

/** The launch role of a path: arn (null for the user's own credentials), its source and who pays (L5). */
public record PathRole(String portfolio, String product, String arn, String source, String billingAccount,
                       String constraintId) {}
