package dev.catalogpolicy.facts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.catalogpolicy.engine.Caller;

/** The launch path a launch goes through: the PathId given, or the only path (L3). */
public record SelectedPath(@JsonIgnore Caller subject, String portfolio, String product, String kind) implements AboutCaller {}
