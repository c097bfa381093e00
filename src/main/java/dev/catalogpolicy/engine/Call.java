package dev.catalogpolicy.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalogpolicy.json.Json;

import java.util.*;

/**
 * The request fact: an AWS action name, its caller and its input (AWS parameter names). Rules read
 * the input through {@link #str}, {@link #has}, {@link #flag} and {@link #params}; a dotted key
 * reads a nested field, e.g. {@code str("OrganizationNode.Type")}.
 */
public final class Call {
  private final String name;
  private final Caller caller;
  private final ObjectNode input;
  private final boolean dryRun;
  private final Call explained;
  private final boolean explain;

  public Call(String name, Caller caller, ObjectNode input, boolean dryRun) {
    this(name, caller, input, dryRun, null);
  }

  /** An ExplainImpact call: {@code explained} is the call whose impact to show without applying it. */
  public Call(String name, Caller caller, ObjectNode input, boolean dryRun, Call explained) {
    this(name, caller, input == null ? Json.MAPPER.createObjectNode() : input.deepCopy(), dryRun, explained, false);
  }

  /** {@code input} is this class's own copy already (it is never handed out, see {@link #input()}). */
  private Call(String name, Caller caller, ObjectNode input, boolean dryRun, Call explained, boolean explain) {
    this.explain = explain;
    this.name = name;
    this.caller = caller;
    this.input = input;
    this.dryRun = dryRun;
    this.explained = explained;
  }

  /** The same call made by {@code c}, a caller equal to this call's (an engine's own instance of it). */
  public Call withCaller(Caller c) {
    if (!c.equals(caller)) throw new IllegalArgumentException(c + " is not the caller of " + this);
    return c == caller ? this : new Call(name, c, input, dryRun, explained, explain);
  }

  public Call explained() { return explained; }

  public Call asDryRun() {
    return new Call(name, caller, input, true, explained, explain);
  }

  /** The same call asking for the facts each deciding rule matched (semantics E1). */
  public Call withExplain(boolean on) {
    return new Call(name, caller, input, dryRun, explained == null ? null : explained.withExplain(on), on);
  }

  public boolean explain() { return explain; }

  /**
   * What this call asks, as a value: equal for calls of the same name, caller, input and flags (the
   * input compared as JSON, field order aside). The rules decide a question from the catalog and
   * nothing else, so equal questions asked of one catalog under one rule set get equal decisions.
   */
  public Object question() {
    return new Question(name, caller, input, dryRun, explain, explained == null ? null : explained.question());
  }

  private static final class Question {
    private final Object[] parts;
    private final int hash;

    Question(Object... parts) {
      this.parts = parts;
      this.hash = Arrays.hashCode(parts);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Question q && q.hash == hash && Arrays.equals(q.parts, parts);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  public String getName() { return name; }
  public Caller getCaller() { return caller; }
  public String getAccount() { return caller.account(); }
  public String getRegion() { return caller.region(); }
  public String getPrincipal() { return caller.principal(); }
  public List<String> getGroups() { return caller.groups(); }
  public boolean isDryRun() { return dryRun; }
  public ObjectNode input() { return input.deepCopy(); }

  /** A text (or number/boolean as text) input at a dotted key; null when absent, null or empty. */
  public String str(String key) {
    JsonNode n = node(key);
    if (n == null || n.isNull() || n.isContainerNode()) return null;
    String s = n.asText();
    return s.isEmpty() ? null : s;
  }

  /** A text input, or {@code dflt} when absent (AWS defaults, e.g. PortfolioShareType IMPORTED). */
  public String strOr(String key, String dflt) {
    String v = str(key);
    return v == null ? dflt : v;
  }

  public boolean has(String key) {
    JsonNode n = node(key);
    return n != null && !n.isNull();
  }

  /** A boolean input; absent is false. */
  public boolean flag(String key) {
    JsonNode n = node(key);
    return n != null && (n.isBoolean() ? n.asBoolean() : "true".equalsIgnoreCase(n.asText()));
  }

  /** A JSON input at a dotted key (e.g. constraint Parameters), or null. */
  public JsonNode node(String key) {
    JsonNode n = input;
    for (String part : key.split("\\.")) {
      if (n == null || !n.isObject()) return null;
      n = n.get(part);
    }
    return n;
  }

  /** ProvisioningParameters [{Key, Value}] as an ordered map. */
  public Map<String, String> params() {
    Map<String, String> out = new LinkedHashMap<>();
    JsonNode list = input.get("ProvisioningParameters");
    if (list != null && list.isArray()) {
      for (JsonNode p : list) {
        if (p.hasNonNull("Key")) out.put(p.get("Key").asText(), p.hasNonNull("Value") ? p.get("Value").asText() : "");
      }
    }
    return out;
  }

  /** The elements of an array input, empty when absent. */
  public List<JsonNode> list(String key) {
    JsonNode n = node(key);
    List<JsonNode> out = new ArrayList<>();
    if (n != null && n.isArray()) n.forEach(out::add);
    return out;
  }

  /** The number of elements of an array input (e.g. ProvisioningArtifacts), 0 when absent. */
  public int count(String key) {
    JsonNode n = node(key);
    return n != null && n.isArray() ? n.size() : 0;
  }

  @Override
  public String toString() {
    return name + " by " + caller.account() + " in " + caller.region() + " " + input;
  }
}
