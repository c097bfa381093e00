package dev.catalogpolicy.template;

import java.util.Map;
import java.util.Objects;

/**
 * A resource the catalog knows about, e.g. id {@code subnet-1}, type {@code AWS::EC2::Subnet::Id},
 * attributes {@code {VpcId: vpc-1}}. Attribute names are those used by Fn::ValueOf / Fn::ValueOfAll
 * (e.g. {@code VpcId}, {@code Tags.Department}). A null attribute map is taken as empty.
 */
public record Resource(String id, String type, Map<String, String> attributes) {
    public Resource {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
