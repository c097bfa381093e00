package dev.catalogpolicy.facts;

import dev.catalogpolicy.engine.Caller;

/** A fact the rules derive about one caller (the subject) and key by it (launch.drl, R6 and L1). */
public interface AboutCaller {
  Caller subject();
}
