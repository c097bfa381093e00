package dev.catalogpolicy.model;

/** A launched product; {@code path} is the portfolio it was launched through. */
public record ProvisionedProduct(String id, String name, String account, String product, String version,
                                 String path, String launchedBy, String status) {}
