package dev.catalogpolicy.http;

import dev.catalogpolicy.live.DecisionLog;
import dev.catalogpolicy.live.LiveCatalog;
import dev.catalogpolicy.live.RuleReloader;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Prometheus metrics of the service: requests and decisions with latency histograms, reloads, journal, catalog. */
final class Metrics {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  Metrics(LiveCatalog live, RuleReloader reloader, DecisionLog log) {
    Gauge.builder("catalogpolicy_catalog_version", live, l -> l.state().version())
        .description("version of the live catalog (one per applied change)").register(registry);
    Gauge.builder("catalogpolicy_catalog_facts", live, l -> l.state().catalog().size())
        .description("facts in the live catalog").register(registry);
    Gauge.builder("catalogpolicy_kept_path_queries", live, LiveCatalog::keptPathQueries)
        .description("launch-path questions whose paths the sessions keep between calls (all sessions)").register(registry);
    Gauge.builder("catalogpolicy_journal_bytes", live, LiveCatalog::journalBytes)
        .description("bytes in the current journal segment").baseUnit("bytes").register(registry);
    FunctionCounter.builder("catalogpolicy_answers_reused", live, LiveCatalog::answersReused)
        .description("dry runs and queries answered again from the answers kept for the catalog and rules now served")
        .register(registry);
    FunctionCounter.builder("catalogpolicy_rule_reloads", reloader, RuleReloader::succeeded)
        .tag("result", "ok").description("rule reloads").register(registry);
    FunctionCounter.builder("catalogpolicy_rule_reloads", reloader, RuleReloader::failures)
        .tag("result", "failed").description("rule reloads").register(registry);
    FunctionCounter.builder("catalogpolicy_decision_log_written", log, DecisionLog::written)
        .description("decision log lines written").register(registry);
    FunctionCounter.builder("catalogpolicy_decision_log_dropped", log, DecisionLog::dropped)
        .description("decision log lines dropped because the writer fell behind").register(registry);
    FunctionCounter.builder("catalogpolicy_decision_log_failed", log, DecisionLog::failed)
        .description("decision log lines that could not be written").register(registry);
  }

  void request(String route, String method, int status, long nanos) {
    Timer.builder("catalogpolicy_http_requests").description("HTTP requests by route, method and status")
        .tags("route", route, "method", method, "status", Integer.toString(status))
        .publishPercentileHistogram().minimumExpectedValue(Duration.ofNanos(10_000)).maximumExpectedValue(Duration.ofSeconds(10))
        .register(registry).record(nanos, TimeUnit.NANOSECONDS);
  }

  void decision(String call, String decision, boolean applied, long nanos) {
    Timer.builder("catalogpolicy_decisions").description("decisions by call and outcome, as decided by the rules")
        .tags("call", call, "decision", decision, "applied", Boolean.toString(applied))
        .publishPercentileHistogram().minimumExpectedValue(Duration.ofNanos(1_000)).maximumExpectedValue(Duration.ofSeconds(10))
        .register(registry).record(nanos, TimeUnit.NANOSECONDS);
  }

  void journalFailure() {
    Counter.builder("catalogpolicy_journal_failures").description("changes refused because the journal could not be written")
        .register(registry).increment();
  }

  String scrape() {
    return registry.scrape();
  }
}
