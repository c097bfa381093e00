package dev.catalogpolicy.template;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a launch supplies to rule evaluation: the provisioning parameters as given by the user
 * (Key to Value, in the order given), the pseudo parameters, and the catalog's known resources.
 * Immutable; build with {@link #builder()}. Resource ids must be unique.
 */
public final class EvaluationContext {
    private final Map<String, String> parameters;
    private final String region;
    private final String accountId;
    private final String partition;
    private final List<Resource> resources;
    private final Map<String, Resource> resourcesById;

    private EvaluationContext(Builder b) {
        this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(b.parameters));
        this.region = b.region;
        this.accountId = b.accountId;
        this.partition = b.partition;
        this.resources = List.copyOf(b.resources);
        Map<String, Resource> byId = new LinkedHashMap<>();
        for (Resource r : resources) {
            if (byId.putIfAbsent(r.id(), r) != null) {
                throw new IllegalArgumentException("duplicate resource id " + r.id());
            }
        }
        this.resourcesById = Collections.unmodifiableMap(byId);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Provisioning parameters, Key to Value, in the order given. */
    public Map<String, String> parameters() {
        return parameters;
    }

    /** AWS::Region, or null when unknown. */
    public String region() {
        return region;
    }

    /** AWS::AccountId, or null when unknown. */
    public String accountId() {
        return accountId;
    }

    /** AWS::Partition; {@code "aws"} unless set. */
    public String partition() {
        return partition;
    }

    public List<Resource> resources() {
        return resources;
    }

    /** The resource with that id, if known. */
    public Optional<Resource> resource(String id) {
        return Optional.ofNullable(resourcesById.get(id));
    }

    @Override
    public String toString() {
        return "EvaluationContext{parameters=" + parameters + ", region=" + region + ", accountId=" + accountId
                + ", partition=" + partition + ", resources=" + resources + "}";
    }

    /** Builder; parameters with a null value are treated as not given. */
    public static final class Builder {
        private final Map<String, String> parameters = new LinkedHashMap<>();
        private String region;
        private String accountId;
        private String partition = "aws";
        private final List<Resource> resources = new ArrayList<>();

        private Builder() {
        }

        public Builder parameter(String key, String value) {
            if (key == null) {
                throw new IllegalArgumentException("parameter key must not be null");
            }
            if (value == null) {
                parameters.remove(key);
            } else {
                parameters.put(key, value);
            }
            return this;
        }

        public Builder parameters(Map<String, String> values) {
            values.forEach(this::parameter);
            return this;
        }

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        public Builder accountId(String accountId) {
            this.accountId = accountId;
            return this;
        }

        /** Null restores the default {@code "aws"}. */
        public Builder partition(String partition) {
            this.partition = partition == null ? "aws" : partition;
            return this;
        }

        public Builder resource(Resource resource) {
            resources.add(java.util.Objects.requireNonNull(resource, "resource"));
            return this;
        }

        public Builder resource(String id, String type, Map<String, String> attributes) {
            return resource(new Resource(id, type, attributes));
        }

        public Builder resources(List<Resource> list) {
            list.forEach(this::resource);
            return this;
        }

        /** @throws IllegalArgumentException if two resources share an id */
        public EvaluationContext build() {
            return new EvaluationContext(this);
        }
    }
}
