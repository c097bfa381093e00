package dev.catalogpolicy.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalogpolicy.catalog.ConstraintParameters;
import dev.catalogpolicy.engine.Call;
import dev.catalogpolicy.engine.Caller;
import dev.catalogpolicy.functions.Ids;
import dev.catalogpolicy.json.BadRequest;
import dev.catalogpolicy.json.Fields;
import dev.catalogpolicy.json.Json;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static dev.catalogpolicy.json.Fields.*;

/**
 * Reads a call ({@code call}, {@code caller}, {@code input}, {@code dryRun}) with the JSON path of
 * every fault (semantics R9): an unknown call, a missing required input, an enum value AWS does not
 * have, a wrong type, a caller account that is not 12 digits, an end-user call without a principal.
 * Unknown input keys are ignored, as pasted AWS inputs carry AcceptLanguage and the like.
 */
public final class CallParser {
  private CallParser() {}

  public static Set<String> callNames() {
    return new TreeSet<>(CallSpec.CALLS.keySet());
  }

  public static Call parse(JsonNode node, String path) {
    object(node, path);
    String name = requiredText(node, "call", path);
    CallSpec spec = CallSpec.CALLS.get(name);
    if (spec == null) {
      throw new BadRequest(child(path, "call"), "unknown call " + Fields.shown(name) + "; known calls: " + callNames());
    }
    Caller caller = caller(node.get("caller"), child(path, "caller"));
    if (spec.endUser() && caller.principal() == null) {
      throw new BadRequest(child(child(path, "caller"), "principal"),
          name + " is an end-user call: caller.principal (the IAM ARN of the user or role session) is required");
    }
    JsonNode in = node.get("input");
    String ip = child(path, "input");
    ObjectNode input = in == null || in.isNull() ? Json.MAPPER.createObjectNode() : (ObjectNode) object(in, ip).deepCopy();
    checkInput(name, spec, input, ip);
    Call explained = null;
    if (name.equals("ExplainImpact")) {
      ObjectNode inner = input.deepCopy();
      if (!inner.has("caller")) inner.set("caller", node.get("caller"));
      explained = parse(inner, ip).asDryRun();
      if (explained.explained() != null) throw new BadRequest(child(ip, "call"), "ExplainImpact cannot explain itself");
    }
    boolean dryRun = optionalBool(node, "dryRun", path, false);
    return new Call(name, caller, input, dryRun, explained).withExplain(optionalBool(node, "explain", path, false));
  }

  static Caller caller(JsonNode node, String path) {
    if (node == null || node.isNull()) throw new BadRequest(path, "caller is required: {account, region, principal?, groups?}");
    object(node, path);
    String account = requiredText(node, "account", path);
    if (!Ids.isAccountId(account)) throw new BadRequest(child(path, "account"), "caller.account must be 12 digits, got " + Fields.shown(account));
    String region = requiredText(node, "region", path);
    if (region.isBlank()) throw new BadRequest(child(path, "region"), "caller.region must not be empty");
    return new Caller(account, region, optionalText(node, "principal", path), optionalTextList(node, "groups", path));
  }

  private static void checkInput(String name, CallSpec spec, ObjectNode input, String path) {
    if (name.equals("UpdateProvisioningArtifact") && !input.has("ProvisioningArtifactId") && input.has("Id")) {
      input.set("ProvisioningArtifactId", input.get("Id"));
    }
    for (String key : spec.required()) {
      JsonNode v = input.get(key);
      if (v == null || v.isNull() || (v.isTextual() && v.asText().isEmpty())) {
        throw new BadRequest(child(path, key), name + " requires input " + key);
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = input.fields(); it.hasNext(); ) {
      var e = it.next();
      if (spec.required().contains(e.getKey()) || spec.optional().contains(e.getKey())) {
        checkKind(e.getKey(), e.getValue(), path);
        Integer max = CallSpec.maxLength(name, e.getKey());
        if (max != null && e.getValue().isTextual()) checkLength(e.getKey(), e.getValue().asText(), max, path);
      }
    }
    spec.enums().forEach((key, allowed) -> {
      String v = input.hasNonNull(key) ? input.get(key).asText() : null;
      if (v != null && !allowed.contains(v)) {
        throw new BadRequest(child(path, key), key + " must be one of " + new TreeSet<>(allowed) + ", got " + Fields.shown(v));
      }
    });
    if (input.has("OrganizationNode") && !input.get("OrganizationNode").isNull()) {
      String np = child(path, "OrganizationNode");
      JsonNode n = input.get("OrganizationNode");
      String type = requiredText(n, "Type", np);
      requiredText(n, "Value", np);
      if (!CallSpec.NODE_TYPES.contains(type)) {
        throw new BadRequest(child(np, "Type"), "OrganizationNode.Type must be one of " + new TreeSet<>(CallSpec.NODE_TYPES)
            + ", got " + Fields.shown(type));
      }
    }
    if (input.has("ProvisioningParameters")) {
      JsonNode list = input.get("ProvisioningParameters");
      for (int i = 0; i < list.size(); i++) {
        if (wellFormedParameter(list.get(i))) continue; // the checks below, without building paths
        String pp = child(path, "ProvisioningParameters") + "[" + i + "]";
        object(list.get(i), pp);
        checkLength("Key", requiredText(list.get(i), "Key", pp), CallSpec.MAX_PARAMETER_KEY, pp);
        JsonNode v = list.get(i).get("Value");
        if (v != null && !v.isNull() && !v.isValueNode()) throw new BadRequest(child(pp, "Value"), "expected a string");
        if (v != null && v.isValueNode()) checkLength("Value", v.asText(), CallSpec.MAX_PARAMETER_VALUE, pp);
      }
    }
    if (input.has("ProvisioningArtifacts")) {
      JsonNode list = input.get("ProvisioningArtifacts");
      for (int i = 0; i < list.size(); i++) {
        String ap = child(path, "ProvisioningArtifacts") + "[" + i + "]";
        object(list.get(i), ap);
        checkLength("Id", requiredText(list.get(i), "Id", ap), CallSpec.maxLength(name, "Id"), ap);
        String artifactName = optionalText(list.get(i), "Name", ap);
        if (artifactName != null) checkLength("Name", artifactName, CallSpec.MAX_ARTIFACT_NAME, ap);
        optionalBool(list.get(i), "Active", ap, true);
      }
    }
    if (input.has("Parameters")) input.set("Parameters", ConstraintParameters.normalize(input.get("Parameters")));
  }

  /** A {Key, Value} parameter the checks of {@link #checkInput} accept: a text Key and a scalar Value, within length. */
  private static boolean wellFormedParameter(JsonNode p) {
    if (!p.isObject()) return false;
    JsonNode k = p.get("Key"), v = p.get("Value");
    return k != null && k.isTextual() && k.asText().length() <= CallSpec.MAX_PARAMETER_KEY
        && (v == null || v.isNull() || (v.isValueNode() && v.asText().length() <= CallSpec.MAX_PARAMETER_VALUE));
  }

  /** {@code parent}: the path of the object holding {@code key} (a field's path is built only for its error). */
  private static void checkLength(String key, String value, int max, String parent) {
    if (value.length() > max) {
      throw new BadRequest(child(parent, key), key + " is at most " + max + " characters (AWS rejects a longer one), got "
          + value.length() + ": " + Fields.shown(value));
    }
  }

  private static void checkKind(String key, JsonNode v, String parent) {
    if (v.isNull()) return;
    String kind = CallSpec.KINDS.getOrDefault(key, "string");
    boolean ok = switch (kind) {
      case "boolean" -> v.isBoolean() || (v.isTextual() && v.asText().matches("(?i)true|false"));
      case "object" -> v.isObject();
      case "array" -> v.isArray();
      case "object-or-string" -> v.isObject() || v.isTextual();
      default -> v.isTextual() || v.isNumber();
    };
    if (!ok) throw new BadRequest(child(parent, key), "expected " + kind.replace("-or-", " or ") + ", got " + kind(v));
  }
}
