package dev.catalogpolicy.engine;

import dev.catalogpolicy.TestRules;
import dev.catalogpolicy.catalog.Catalog;
import dev.catalogpolicy.catalog.CatalogJson;
import dev.catalogpolicy.json.Json;
import dev.catalogpolicy.model.Portfolio;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.*;

/** What the live engine promises beyond equal decisions: faults leave no trace, explanations, threads. */
class StatefulEngineMechanicsTest {
  private static final String RULES = """
      package t;
      import dev.catalogpolicy.engine.Call;
      import dev.catalogpolicy.model.Portfolio;
      global dev.catalogpolicy.engine.Outcome out;
      rule "X1 create" ruleflow-group "apply" when $c : Call(name == "CreatePortfolio", $id : str("Id")) then
        out.add("PORTFOLIO_CREATED", new Portfolio($id, $c.getAccount(), $c.getRegion(), null, null));
        if ($id.equals("boom")) throw new IllegalStateException("boom");
      end
      rule "X2 follow" when dev.catalogpolicy.engine.Effect(kind == "PORTFOLIO_CREATED", $p : portfolio) then out.note("SEEN", null, $p, null, null); end
      """;

  private static Call create(String id, boolean dryRun) {
    return new Call("CreatePortfolio", new Caller("111111111111", "us-east-1", null, null),
        Json.MAPPER.createObjectNode().put("Id", id), dryRun);
  }

  private static Call fixtureCall(String name, String account, String principal, String json) {
    return new Call(name, new Caller(account, "us-east-1", principal, null), (com.fasterxml.jackson.databind.node.ObjectNode) Json.parse(json), false);
  }

  @Test
  void aRuleThatThrowsLeavesTheCatalogAsItWasAndTheEngineUsable() throws Exception {
    RuleSet rules = RuleCompiler.compile(Map.of("t.drl", RULES));
    try (StatefulEngine live = new StatefulEngine(rules, Catalog.empty())) {
      assertTrue(live.evaluate(create("port-a", false)).decision().allowed());
      Catalog before = live.catalog();
      assertThrows(RuntimeException.class, () -> live.evaluate(create("boom", false)));
      assertSame(before, live.catalog(), "the failed call published nothing");
      assertEquals(List.of("port-a"), before.list(Portfolio.class).stream().map(Portfolio::id).toList());
      assertFalse(live.sessionFacts().stream().anyMatch(f -> f instanceof Portfolio p && p.id().equals("boom")),
          "the session was rebuilt from the snapshot");
      Engine.Result next = live.evaluate(create("port-b", false));
      assertTrue(next.decision().allowed());
      assertEquals(2, next.catalog().list(Portfolio.class).size());
    }
  }

  @Test
  void aCommitThatRefusesUndoesTheCallAndPublishesNothing() throws Exception {
    RuleSet rules = RuleCompiler.compile(Map.of("t.drl", RULES));
    try (StatefulEngine live = new StatefulEngine(rules, Catalog.empty())) {
      int facts = live.sessionFacts().size();
      Catalog before = live.catalog();
      List<Object> journaled = new ArrayList<>();
      RuntimeException refused = assertThrows(IllegalStateException.class, () -> live.evaluate(create("port-a", false), r -> {
        journaled.addAll(r.added());
        throw new IllegalStateException("disk full");
      }));
      assertEquals("disk full", refused.getMessage());
      assertEquals(1, journaled.size(), "the commit saw the change it was asked to make durable");
      assertSame(before, live.catalog());
      assertEquals(facts, live.sessionFacts().size(), "undone: " + live.sessionFacts());
      Engine.Result ok = live.evaluate(create("port-a", false), r -> journaled.addAll(r.added()));
      assertTrue(ok.decision().allowed());
      assertEquals(1, live.catalog().list(Portfolio.class).size());
      assertEquals(List.of(ok.added().get(0)), live.catalog().list(Portfolio.class));
    }
  }

  @Test
  void aDryRunShowsItsEffectsAndLeavesNothingBehind() throws Exception {
    RuleSet rules = RuleCompiler.compile(Map.of("t.drl", RULES));
    try (StatefulEngine live = new StatefulEngine(rules, Catalog.empty())) {
      int facts = live.sessionFacts().size();
      Engine.Result r = live.evaluate(create("port-a", true));
      assertEquals(List.of("PORTFOLIO_CREATED", "SEEN"), r.decision().effects().stream().map(Effect::kind).toList());
      assertEquals(0, r.catalog().list(Portfolio.class).size());
      assertEquals(1, r.wouldBe().list(Portfolio.class).size());
      assertEquals(facts, live.sessionFacts().size(), "no call, effect or portfolio lingers: " + live.sessionFacts());
    }
  }

  @Test
  void anExplainedCallIsExplainedAsTodayAndStillApplied() throws Exception {
    Catalog demo = CatalogJson.read(Files.readString(Path.of("fixtures/demo/catalog.json")));
    try (StatefulEngine live = new StatefulEngine(TestRules.get(), demo)) {
      Call launch = fixtureCall("ProvisionProduct", "222222222222", "arn:aws:iam::222222222222:role/Developer",
          "{\"ProductId\":\"prod-ec2\",\"ProvisioningArtifactId\":\"pa-ec2-v1\",\"ProvisionedProductName\":\"explained\",\"PathId\":\"port-spoke-local\"}")
          .withExplain(true);
      Catalog before = live.catalog();
      Engine.Result fresh = Engine.evaluate(TestRules.get(), before, launch);
      Engine.Result r = live.evaluate(launch);
      assertEquals(fresh.decision().decision(), r.decision().decision(), "" + r.decision().reasons());
      assertTrue(r.decision().allowed(), "" + r.decision().reasons());
      assertNotNull(r.decision().reasons().get(0).facts(), "reasons carry the facts their rules matched");
      assertEquals(Json.MAPPER.valueToTree(fresh.decision().reasons()), Json.MAPPER.valueToTree(r.decision().reasons()));
      assertEquals(before.size() + 1, live.catalog().size(), "the launch was applied in the live session too");
      Engine.Result again = live.evaluate(launch.withExplain(false));
      assertEquals("DENY", again.decision().decision(), "the name is taken now");
    }
  }

  @Test
  void keptLaunchPathsStayWithinTheBoundAndFollowChanges() throws Exception {
    Catalog demo = CatalogJson.read(Files.readString(Path.of("fixtures/demo/catalog.json")));
    String launch = "{\"ProductId\":\"prod-ec2\",\"ProvisioningArtifactId\":\"pa-ec2-v1\","
        + "\"ProvisionedProductName\":\"kept\",\"PathId\":\"port-spoke-local\"}";
    try (StatefulEngine live = new StatefulEngine(TestRules.get(), demo, 3)) {
      // twenty callers (sessions of the same role) launch in turn: at most three questions stay kept
      for (int i = 0; i < 20; i++) {
        Call c = fixtureCall("ProvisionProduct", "222222222222",
            "arn:aws:sts::222222222222:assumed-role/Developer/s" + i, launch).asDryRun();
        Engine.Result fresh = Engine.evaluate(TestRules.get(), live.catalog(), c);
        assertEquals(fresh.decision().decision(), live.evaluate(c).decision().decision(), "caller " + i);
        long questions = live.keptQuestions().stream().filter(o -> o instanceof dev.catalogpolicy.facts.PathQuery).count();
        assertTrue(questions <= 3, "kept path queries after caller " + i + ": " + questions);
      }
      Call developer = fixtureCall("ProvisionProduct", "222222222222", "arn:aws:iam::222222222222:role/Developer", launch)
          .asDryRun();
      assertTrue(live.evaluate(developer).decision().allowed());
      // the local portfolio loses the product: the kept path goes with it, the next launch is refused
      Call remove = fixtureCall("DisassociateProductFromPortfolio", "222222222222", null,
          "{\"ProductId\":\"prod-ec2\",\"PortfolioId\":\"port-spoke-local\"}");
      assertTrue(live.evaluate(remove).decision().allowed(), "" + live.evaluate(remove.asDryRun()).decision().reasons());
      Engine.Result after = live.evaluate(developer);
      assertEquals("DENY", after.decision().decision(), "" + after.decision().reasons());
      assertEquals(Engine.evaluate(TestRules.get(), live.catalog(), developer).decision().reasons(), after.decision().reasons());
    }
  }

  @Test
  void callsFromSeveralThreadsAreDecidedOneAtATimeAndReadersSeeWholeSnapshots() throws Exception {
    RuleSet rules = RuleCompiler.compile(Map.of("t.drl", RULES));
    try (StatefulEngine live = new StatefulEngine(rules, Catalog.empty())) {
      int perThread = 200;
      CountDownLatch start = new CountDownLatch(1);
      AtomicBoolean done = new AtomicBoolean();
      List<Throwable> faults = Collections.synchronizedList(new ArrayList<>());
      List<Thread> writers = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        int id = t;
        writers.add(new Thread(() -> {
          try {
            start.await();
            for (int i = 0; i < perThread; i++) {
              Engine.Result r = live.evaluate(create("port-" + id + "-" + i, i % 3 == 0));
              if (!r.decision().allowed() || r.decision().effects().size() != 2) throw new AssertionError(r.decision());
            }
          } catch (Throwable e) {
            faults.add(e);
          }
        }));
      }
      Thread reader = new Thread(() -> {
        int last = 0;
        while (!done.get()) {
          Catalog c = live.catalog();
          int n = c.list(Portfolio.class).size();
          if (n < last || n != c.size()) faults.add(new AssertionError("snapshot went back or is torn: " + n));
          last = n;
        }
      });
      writers.forEach(Thread::start);
      reader.start();
      start.countDown();
      for (Thread w : writers) w.join();
      done.set(true);
      reader.join();
      assertEquals(List.of(), faults);
      int applied = 2 * (perThread - (perThread + 2) / 3);
      assertEquals(applied, live.catalog().list(Portfolio.class).size());
      assertEquals(applied, live.sessionFacts().stream().filter(f -> f instanceof Portfolio).count());
    }
  }
}
