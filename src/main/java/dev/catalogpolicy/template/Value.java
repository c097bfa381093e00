package dev.catalogpolicy.template;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The result of evaluating an expression: a string, a list of strings, a condition, or unresolved. */
sealed interface Value {

    /** How this value reads in messages. */
    String render();

    record Str(String value) implements Value {
        @Override
        public String render() {
            return Text.quote(value);
        }
    }

    record Lst(List<String> items) implements Value {
        public Lst {
            items = List.copyOf(items);
        }

        @Override
        public String render() {
            return Text.quoteList(items);
        }
    }

    /** A condition's truth, with {@code why}: what held or did not, e.g. {@code Equals("a","b") is false}. */
    record Bool(boolean value, String why) implements Value {
        @Override
        public String render() {
            return why;
        }
    }

    /** Could not be decided; {@code reasons} say what was missing or mismatched (distinct, in order). */
    record Unresolved(List<String> reasons) implements Value {
        public Unresolved {
            reasons = List.copyOf(new LinkedHashSet<>(reasons));
        }

        static Unresolved of(String reason) {
            return new Unresolved(List.of(reason));
        }

        String message() {
            return String.join("; ", reasons);
        }

        @Override
        public String render() {
            return "unresolved (" + message() + ")";
        }
    }

    /** All reasons of the unresolved values among {@code values}, or null when every value is resolved. */
    static Unresolved merge(List<? extends Value> values) {
        Set<String> reasons = new LinkedHashSet<>();
        for (Value v : values) {
            if (v instanceof Unresolved u) {
                reasons.addAll(u.reasons());
            }
        }
        return reasons.isEmpty() ? null : new Unresolved(new ArrayList<>(reasons));
    }

    static Unresolved merge(Value... values) {
        return merge(List.of(values));
    }
}
