package dev.catalogpolicy.engine;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** One rule's contribution to a decision: a code of reason-codes.txt, the DRL rule name, a message. */
public record Reason(String code, String rule, String message, @JsonIgnore String stage, @JsonIgnore boolean deny) {}
