package dev.catalogpolicy.model;

/** History: {@code product} left {@code portfolio}; launches through it then say so (R7, H7). */
public record RemovedProduct(String portfolio, String product) {}
