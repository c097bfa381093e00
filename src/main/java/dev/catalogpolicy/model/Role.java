package dev.catalogpolicy.model;

import dev.catalogpolicy.functions.IamArn;

/** An IAM role known to exist (the catalog's {@code roles} list). */
public record Role(String arn) implements IamArn {}
