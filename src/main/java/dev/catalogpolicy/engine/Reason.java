package dev.catalogpolicy.engine;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * One rule's contribution to a decision: a code of reason-codes.txt, the DRL rule name, a message,
 * and (when the call asked to explain) the facts the rule matched.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Reason(String code, String rule, String message, @JsonIgnore String stage, @JsonIgnore boolean deny,
                     List<Object> facts) {}
