package dev.catalogpolicy.facts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.catalogpolicy.engine.Caller;

/**
 * A caller ({@code subject}) asks about launch paths of {@code product} (L1): a launch's product,
 * ListLaunchPaths' ProductId, each product of the caller's portfolios for SearchProducts. The
 * caller's portfolios, grants and paths are derived for these products only. Launches and
 * ListLaunchPaths insert theirs for good: the paths stay derived, and truth maintenance keeps them
 * current through every change, for the caller's next call (the engine evicts the least recently
 * used callers beyond a bound).
 */
public record PathQuery(@JsonIgnore Caller subject, String product) implements AboutCaller {}
