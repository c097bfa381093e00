package dev.catalogpolicy.facts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.catalogpolicy.engine.Caller;

/** The caller may launch {@code product} through {@code portfolio}: kind OWNED, IMPORTED or LOCAL (L1). */
public record LaunchPath(@JsonIgnore Caller subject, String portfolio, String product, String kind, String owner, String sourcePortfolio) implements AboutCaller {}
