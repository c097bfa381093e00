package dev.catalogpolicy.facts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.catalogpolicy.engine.Caller;

/** A principal association of {@code portfolio} matches the caller ({@code via}: the association's ARN) (L1, H3). */
public record Grant(@JsonIgnore Caller subject, String portfolio, String via) implements AboutCaller {}
