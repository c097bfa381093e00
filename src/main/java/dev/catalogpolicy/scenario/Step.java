package dev.catalogpolicy.scenario;

import dev.catalogpolicy.engine.Call;

/** One call of a scenario; {@code expect} may be null. {@code line} is its line in the file (0 if unknown). */
public record Step(String id, Call call, Expectation expect, int line) {}
