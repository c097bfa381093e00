package dev.catalogpolicy.facts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.catalogpolicy.engine.Caller;

/** The call names {@code portfolio} as one of the caller's (A1's source portfolio): it counts as a CallerPortfolio if it is one. */
public record PortfolioQuery(@JsonIgnore Caller subject, String portfolio) implements AboutCaller {}
