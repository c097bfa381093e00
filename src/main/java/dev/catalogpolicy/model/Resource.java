package dev.catalogpolicy.model;

import java.util.Map;

/** A resource that template rules may look up (Fn::ValueOf), e.g. a subnet and its VpcId. */
public record Resource(String id, String type, Map<String, String> attributes) {
  public Resource {
    attributes = Map.copyOf(attributes == null ? Map.of() : attributes);
  }
}
