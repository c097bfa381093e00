package dev.catalogpolicy.template;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Small string helpers shared by describe() and evaluation messages. */
final class Text {
    private Text() {
    }

    /** The string as a JSON string literal. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** A list of strings as a compact JSON array: {@code ["a","b"]}. */
    static String quoteList(List<String> items) {
        return items.stream().map(Text::quote).collect(Collectors.joining(",", "[", "]"));
    }

    /**
     * Splits a comma-separated value into trimmed members. Empty members are kept, so {@code ""}
     * is {@code [""]} and {@code "a,"} is {@code ["a", ""]}: a blank value never becomes an
     * empty list (which EachMember* functions would accept vacuously).
     */
    static List<String> splitCommaList(String value) {
        List<String> out = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            out.add(part.trim());
        }
        return List.copyOf(out);
    }
}
