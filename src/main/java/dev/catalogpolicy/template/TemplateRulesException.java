package dev.catalogpolicy.template;

/**
 * A fault in the Parameters of a TEMPLATE constraint: the document cannot be read as rules.
 *
 * <p>{@link #getMessage()} is the bare message (e.g. {@code "Fn::And takes 2 to 10 conditions, got 1"});
 * {@link #jsonPath()} locates the fault relative to the Parameters object (e.g.
 * {@code $.Rules.ProdInstanceType.Assertions[0].Assert.Fn::And}); {@link #ruleName()} is the rule the
 * fault is in, or null when it is outside any rule. {@link #toString()} combines all three.
 */
public final class TemplateRulesException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String ruleName;
    private final String jsonPath;

    public TemplateRulesException(String ruleName, String jsonPath, String message) {
        this(ruleName, jsonPath, message, null);
    }

    public TemplateRulesException(String ruleName, String jsonPath, String message, Throwable cause) {
        super(message, cause);
        this.ruleName = ruleName;
        this.jsonPath = jsonPath;
    }

    /** The rule containing the fault, or null if the fault is outside any rule. */
    public String ruleName() {
        return ruleName;
    }

    /** JSON path of the fault relative to the Parameters object, starting with {@code $}. */
    public String jsonPath() {
        return jsonPath;
    }

    @Override
    public String toString() {
        String where = ruleName == null ? jsonPath : jsonPath + " (rule " + ruleName + ")";
        return getClass().getName() + ": at " + where + ": " + getMessage();
    }
}
