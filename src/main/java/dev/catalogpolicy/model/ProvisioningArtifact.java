package dev.catalogpolicy.model;

/** A version of a product. */
public record ProvisioningArtifact(String product, String id, String name, boolean active) {}
