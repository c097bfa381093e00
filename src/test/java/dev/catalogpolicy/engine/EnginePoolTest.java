package dev.catalogpolicy.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalogpolicy.TestRules;
import dev.catalogpolicy.catalog.Catalog;
import dev.catalogpolicy.json.Json;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pool of a primary and read replicas: replicas built while changes land catch up before they take
 * calls; after a change returns, every engine decides on it; reads racing writes are each decided on
 * one whole snapshot, the one they report.
 */
class EnginePoolTest {
  private static final int ACCOUNTS = 60, PORTFOLIOS = 10, PRODUCTS = 20;
  private static final Caller HUB = new Caller(OrgCatalog.HUB, OrgCatalog.REGION, null, null);

  private static Call membership(String name, int portfolio, int product) {
    ObjectNode in = Json.MAPPER.createObjectNode().put("ProductId", OrgCatalog.product(portfolio, product))
        .put("PortfolioId", OrgCatalog.portfolio(portfolio));
    return new Call(name, HUB, in, false);
  }

  /** A spoke developer's dry-run launch of product {@code k} of the spoke's first granted portfolio. */
  private static Call launch(int k) {
    return StatefulEngineBench.launches(ACCOUNTS, PORTFOLIOS, PRODUCTS, PRODUCTS).get(k);
  }

  /** The launch's product as {portfolio, index} ({@link OrgCatalog#product}: prod-PP-KKK). */
  private static int[] productOf(Call launch) {
    String id = launch.str("ProductId");
    return new int[] {Integer.parseInt(id.substring(5, 7)), Integer.parseInt(id.substring(8))};
  }

  @Test
  void aReplicaIsBuiltOnlyWhereTheHeapHoldsOneMoreSession() {
    long gib = 1L << 30;
    assertTrue(EnginePool.roomFor(144_266, 1, 8 * gib), "org-5k: a second session in 8 GiB");
    assertTrue(EnginePool.roomFor(144_266, 3, 8 * gib), "org-5k: a fourth session in 8 GiB");
    assertFalse(EnginePool.roomFor(144_266, 1, gib), "org-5k: not a second session in 1 GiB");
    assertFalse(EnginePool.roomFor(484_165, 1, 4 * gib), "org-20k: not a second session in 4 GiB");
    assertTrue(EnginePool.roomFor(52, 3, 256L << 20), "the demo catalog: anywhere");
  }

  @Test
  void aReplicaBuiltWhileChangesLandCatchesUpBeforeItTakesCalls() throws Exception {
    RuleSet rules = TestRules.get();
    try (EnginePool pool = new EnginePool(rules, OrgCatalog.build(ACCOUNTS, PORTFOLIOS, PRODUCTS), 1)) {
      // changes right away, most of them while the replica is still being built
      for (int k = 0; k < 6; k++) {
        Engine.Result r = pool.evaluate(membership("DisassociateProductFromPortfolio", 2, k), null);
        assertTrue(r.decision().allowed() && r.changes(), r.decision().reasons().toString());
      }
      pool.awaitReplicas(2, TimeUnit.MINUTES);
      assertEquals(2, pool.readers());
      StatefulEngine replica = pool.engine(0);
      assertSame(pool.catalog(), replica.catalog());
      StatefulEngineTest.assertSessionHoldsCatalog(rules, replica, "replica after catching up");
      Engine.Result back = pool.evaluate(membership("AssociateProductWithPortfolio", 2, 0), null);
      assertTrue(back.decision().allowed() && back.changes());
      assertSame(pool.catalog(), replica.catalog());
      StatefulEngineTest.assertSessionHoldsCatalog(rules, replica, "replica after a change");
    }
  }

  @Test
  void aPoolToldToWaitBuildsItsReplicasOnceWhenAskedAndThenCatchesUp() throws Exception {
    RuleSet rules = TestRules.get();
    try (EnginePool pool = new EnginePool(rules, OrgCatalog.build(ACCOUNTS, PORTFOLIOS, PRODUCTS), 1, false)) {
      Engine.Result r = pool.evaluate(membership("DisassociateProductFromPortfolio", 2, 0), null);
      assertTrue(r.decision().allowed() && r.changes(), r.decision().reasons().toString());
      pool.awaitReplicas(2, TimeUnit.MINUTES);
      assertEquals(1, pool.readers(), "no replica before buildReplicas");
      pool.buildReplicas();
      pool.buildReplicas();
      pool.awaitReplicas(2, TimeUnit.MINUTES);
      assertEquals(2, pool.readers(), "one replica, built once");
      assertSame(pool.catalog(), pool.engine(0).catalog());
      StatefulEngineTest.assertSessionHoldsCatalog(rules, pool.engine(0), "replica built after a change");
    }
  }

  @Test
  void afterAChangeReturnsEveryEngineDecidesOnIt() throws Exception {
    try (EnginePool pool = new EnginePool(TestRules.get(), OrgCatalog.build(ACCOUNTS, PORTFOLIOS, PRODUCTS), 2)) {
      pool.awaitReplicas(2, TimeUnit.MINUTES);
      assertEquals(3, pool.readers());
      Call launch = launch(3);
      int p = productOf(launch)[0], k = productOf(launch)[1];
      for (int i = 0; i < 3; i++) assertTrue(pool.engine(i).evaluate(launch).decision().allowed(), "engine " + i);
      pool.evaluate(membership("DisassociateProductFromPortfolio", p, k), null);
      for (int i = 0; i < 3; i++) {
        Decision d = pool.engine(i).evaluate(launch).decision();
        assertFalse(d.allowed(), "engine " + i + " still launches the removed product");
      }
      pool.evaluate(membership("AssociateProductWithPortfolio", p, k), null);
      for (int i = 0; i < 3; i++) assertTrue(pool.read(launch).decision().allowed(), "read " + i);
    }
  }

  @Test
  void readsRacingChangesAreEachDecidedOnOneWholeSnapshot() throws Exception {
    try (EnginePool pool = new EnginePool(TestRules.get(), OrgCatalog.build(ACCOUNTS, PORTFOLIOS, PRODUCTS), 1)) {
      pool.awaitReplicas(2, TimeUnit.MINUTES);
      Call launch = launch(5);
      int p = productOf(launch)[0], k = productOf(launch)[1];
      Map<Catalog, Boolean> launchable = new IdentityHashMap<>();
      launchable.put(pool.catalog(), true);
      ConcurrentLinkedQueue<Engine.Result> seen = new ConcurrentLinkedQueue<>();
      AtomicBoolean done = new AtomicBoolean();
      List<Thread> readers = new ArrayList<>();
      for (int t = 0; t < 3; t++) {
        Thread th = new Thread(() -> {
          while (!done.get()) seen.add(pool.read(launch));
        });
        th.start();
        readers.add(th);
      }
      for (int round = 0; round < 20; round++) {
        boolean remove = round % 2 == 0;
        Engine.Result r = pool.evaluate(membership(remove ? "DisassociateProductFromPortfolio" : "AssociateProductWithPortfolio", p, k), null);
        assertTrue(r.decision().allowed() && r.changes());
        synchronized (launchable) {
          launchable.put(r.catalog(), !remove);
        }
        Thread.sleep(5);
      }
      done.set(true);
      for (Thread th : readers) th.join();
      assertTrue(seen.size() > 20, "reads: " + seen.size());
      for (Engine.Result r : seen) {
        Boolean expected = launchable.get(r.catalog());
        assertEquals(Boolean.TRUE.equals(expected), r.decision().allowed(), "a read decided on a snapshot it does not report");
        assertTrue(expected != null, "a read reports a snapshot no change published");
      }
    }
  }
}
