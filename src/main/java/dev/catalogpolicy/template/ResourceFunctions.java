package dev.catalogpolicy.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fn::ValueOf, Fn::RefAll and Fn::ValueOfAll against the catalog's known resources.
 *
 * <p>Parameter types are not known here, so a parameter's type is inferred from its value: a
 * parameter is "of type T" when its value, or any member of its comma-separated value, is the id of
 * a known resource of type T. All members of such a parameter count, including members that name
 * no known resource of type T; RefAll lists them (so EachMemberIn over RefAll fails on them) and
 * ValueOfAll is unresolved for them. A parameter none of whose members names a known resource of
 * type T is invisible to RefAll(T) / ValueOfAll(T, ...).
 */
final class ResourceFunctions {
    private final EvaluationContext ctx;

    ResourceFunctions(EvaluationContext ctx) {
        this.ctx = ctx;
    }

    /** A member of a parameter's value (the whole value, or one item of a comma list). */
    private record Member(String parameter, String id) {
    }

    Value valueOf(Expression.ValueOf fn) {
        String value = ctx.parameters().get(fn.parameter());
        if (value == null) {
            return Value.Unresolved.of("parameter " + fn.parameter() + " was not given");
        }
        List<String> ids = Text.splitCommaList(value);
        List<String> attributes = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (String id : ids) {
            Optional<Resource> resource = ctx.resource(id);
            if (resource.isEmpty()) {
                reasons.add("parameter " + fn.parameter() + " names " + Text.quote(id) + ", which is not a known resource");
                continue;
            }
            String attribute = resource.get().attributes().get(fn.attribute());
            if (attribute == null) {
                reasons.add(missingAttribute(resource.get(), fn.attribute()));
            } else {
                attributes.add(attribute);
            }
        }
        if (!reasons.isEmpty()) {
            return new Value.Unresolved(reasons);
        }
        return ids.size() == 1 ? new Value.Str(attributes.get(0)) : new Value.Lst(attributes);
    }

    Value refAll(Expression.RefAll fn) {
        return new Value.Lst(members(fn.parameterType()).stream().map(Member::id).toList());
    }

    Value valueOfAll(Expression.ValueOfAll fn) {
        String type = fn.parameterType();
        List<String> attributes = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (Member m : members(type)) {
            Optional<Resource> resource = ctx.resource(m.id()).filter(r -> r.type().equals(type));
            if (resource.isEmpty()) {
                reasons.add("parameter " + m.parameter() + " names " + Text.quote(m.id())
                        + ", which is not a known " + type);
                continue;
            }
            String attribute = resource.get().attributes().get(fn.attribute());
            if (attribute == null) {
                reasons.add(missingAttribute(resource.get(), fn.attribute()));
            } else {
                attributes.add(attribute);
            }
        }
        return reasons.isEmpty() ? new Value.Lst(attributes) : new Value.Unresolved(reasons);
    }

    /** Every member of every parameter inferred to be of {@code type}, in parameter order. */
    private List<Member> members(String type) {
        List<Member> out = new ArrayList<>();
        for (Map.Entry<String, String> p : ctx.parameters().entrySet()) {
            List<String> ids = Text.splitCommaList(p.getValue());
            boolean ofType = ids.stream()
                    .anyMatch(id -> ctx.resource(id).filter(r -> r.type().equals(type)).isPresent());
            if (ofType) {
                ids.forEach(id -> out.add(new Member(p.getKey(), id)));
            }
        }
        return out;
    }

    private static String missingAttribute(Resource resource, String attribute) {
        return "resource " + resource.id() + " (" + resource.type() + ") has no attribute " + attribute;
    }
}
