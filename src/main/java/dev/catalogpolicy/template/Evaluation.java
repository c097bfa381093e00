package dev.catalogpolicy.template;

import dev.catalogpolicy.template.Outcome.Status;
import java.util.List;
import java.util.stream.Collectors;

/** All outcomes of evaluating a constraint's rules for one launch, in rule and assertion order. */
public record Evaluation(List<Outcome> outcomes) {
    public Evaluation {
        outcomes = List.copyOf(outcomes);
    }

    public List<Outcome> failures() {
        return withStatus(Status.FAILED);
    }

    public List<Outcome> unresolved() {
        return withStatus(Status.UNRESOLVED);
    }

    public List<Outcome> withStatus(Status status) {
        return outcomes.stream().filter(o -> o.status() == status).toList();
    }

    /** True when nothing FAILED and nothing is UNRESOLVED (fail closed: unresolved is not ok). */
    public boolean ok() {
        return failures().isEmpty() && unresolved().isEmpty();
    }

    @Override
    public String toString() {
        return outcomes.stream().map(Outcome::toString).collect(Collectors.joining("\n"));
    }
}
