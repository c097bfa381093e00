package dev.catalogpolicy.model;

/** Present when the catalog lists its roles: launch roles and principals must then exist (A6, L5). */
public record RolesListed() {}
