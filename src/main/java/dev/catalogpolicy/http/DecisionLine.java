package dev.catalogpolicy.http;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.catalogpolicy.engine.Call;
import dev.catalogpolicy.engine.Decision;
import dev.catalogpolicy.engine.Reason;
import dev.catalogpolicy.live.DecisionLog;

import java.io.IOException;
import java.time.Instant;

/**
 * A decision's line in the decision log: which call, by whom, under which rules and catalog version,
 * and what was decided. Made on the request's thread from values that do not change; turned into JSON on
 * the log's thread.
 */
record DecisionLine(String endpoint, Instant time, String rulesHash, long catalogVersion, Call call, Decision decision,
                    boolean applied) implements DecisionLog.Line {

  @Override
  public void write(JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("decisionId", decision.decisionId());
    g.writeStringField("time", time.toString());
    g.writeStringField("endpoint", endpoint);
    g.writeStringField("rulesHash", rulesHash);
    g.writeNumberField("catalogVersion", catalogVersion);
    g.writeFieldName("caller");
    g.writeObject(call.getCaller());
    g.writeStringField("call", call.getName());
    g.writeFieldName("input");
    g.writeTree(call.input());
    g.writeBooleanField("dryRun", call.isDryRun());
    g.writeStringField("decision", decision.decision());
    g.writeBooleanField("applied", applied);
    g.writeArrayFieldStart("reasons");
    for (Reason r : decision.reasons()) {
      g.writeStartObject();
      g.writeStringField("code", r.code());
      g.writeStringField("rule", r.rule());
      g.writeEndObject();
    }
    g.writeEndArray();
    if (decision.error() != null) g.writeStringField("error", decision.error());
    g.writeEndObject();
  }
}
