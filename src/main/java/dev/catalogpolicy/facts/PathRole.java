package dev.catalogpolicy.facts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.catalogpolicy.engine.Caller;

/** The launch role of a path: arn (null for the user's own credentials), its source and who pays (L5). */
public record PathRole(@JsonIgnore Caller subject, String portfolio, String product, String arn, String source, String billingAccount,
                       String constraintId) implements AboutCaller {}
