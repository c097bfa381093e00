package dev.catalogpolicy.model;

/** A product, owned by one account. Its versions are {@link ProvisioningArtifact} facts. */
public record Product(String id, String owner, String name) {}
