package dev.catalogpolicy.engine;

import org.kie.api.KieBase;
import org.kie.api.builder.KieModule;
import org.kie.api.runtime.KieContainer;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A compiled, immutable rule set: swap a whole RuleSet, never part of one. Its {@link #kieBase()} is
 * never changed; fresh sessions (explained calls, scenarios, ExplainImpact's other snapshot) use it.
 * An {@link EnginePool}'s long-lived sessions run on a rule base of their own ({@link SessionBase}),
 * which can be brought to a later rule set in place. Drools shares rule objects between rule bases
 * built from one compiled module, so the two never come from the same one: whichever is asked for
 * first gets the {@code module} compiled with the rule set, the other compiles the {@code sources}
 * again. When the sessions come first (a server starting, rules loaded afresh), the pool has the second
 * compilation made in the background once its sessions are built ({@link #prepareKieBase}).
 */
public final class RuleSet {
  private final List<String> files;
  private final List<RuleInfo> rules;
  private final String hash;
  private final KieModule module;
  private final Map<String, String> sources;
  private final AtomicBoolean moduleTaken = new AtomicBoolean();
  private volatile CompletableFuture<KieBase> kieBase;

  RuleSet(List<String> files, List<RuleInfo> rules, String hash, KieModule module, Map<String, String> sources) {
    this.files = files;
    this.rules = rules;
    this.hash = hash;
    this.module = module;
    this.sources = sources;
  }

  public List<String> files() {
    return files;
  }

  public List<RuleInfo> rules() {
    return rules;
  }

  public String hash() {
    return hash;
  }

  /** The rules as compiled: what an {@link EnginePool}'s sessions are updated to in place. */
  KieModule module() {
    return module;
  }

  /** File name to DRL text. */
  public Map<String, String> sources() {
    return sources;
  }

  /** The rule base fresh sessions use, built on first use (or by {@link #prepareKieBase}). */
  public KieBase kieBase() {
    CompletableFuture<KieBase> f;
    synchronized (this) {
      if (kieBase == null) kieBase = CompletableFuture.completedFuture(ownContainer().getKieBase());
      f = kieBase;
    }
    try {
      return f.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  /** Starts building {@link #kieBase()} on a thread of its own, unless it is built or being built. */
  void prepareKieBase() {
    synchronized (this) {
      if (kieBase == null) kieBase = CompletableFuture.supplyAsync(() -> ownContainer().getKieBase(), r -> daemon(r).start());
    }
  }

  /** A container for an {@link EnginePool}'s sessions, sharing no rule objects with {@link #kieBase()}. */
  KieContainer sessionContainer() {
    synchronized (this) {
      if (kieBase == null && moduleTaken.compareAndSet(false, true)) return RuleCompiler.containerOf(module);
    }
    return RuleCompiler.compileAgain(sources);
  }

  private KieContainer ownContainer() {
    return moduleTaken.compareAndSet(false, true) ? RuleCompiler.containerOf(module) : RuleCompiler.compileAgain(sources);
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "rule-base");
    t.setDaemon(true);
    return t;
  }

  @Override
  public String toString() {
    return "RuleSet[" + rules.size() + " rules, hash " + hash + "]";
  }
}
