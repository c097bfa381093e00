package dev.catalogpolicy.facts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.catalogpolicy.engine.Caller;

/** A portfolio the caller's account administers in the caller's region: OWNED or IMPORTED (R2, I3). */
public record CallerPortfolio(@JsonIgnore Caller subject, String portfolio, String owner, String kind) implements AboutCaller {
  public static final String OWNED = "OWNED";
  public static final String IMPORTED = "IMPORTED";
}
