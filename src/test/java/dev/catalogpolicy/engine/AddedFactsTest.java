package dev.catalogpolicy.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link AddedFacts} keeps the order and the removals of a list: the first equal fact goes. */
class AddedFactsTest {
  @Test
  void anEqualFactTakenOutIsTheFirstOneAndTheOthersKeepTheirOrder() {
    AddedFacts added = new AddedFacts();
    added.add("a");
    added.add("b");
    added.add(new String("a"));
    added.add("c");
    assertEquals(true, added.remove(new String("a")));
    assertEquals(List.of("b", "a", "c"), added.list());
    assertEquals(false, added.remove("d"));
    assertEquals(true, added.remove("a"));
    assertEquals(false, added.remove("a"));
    added.add("a");
    assertEquals(List.of("b", "c", "a"), added.list());
  }

  @Test
  void anySequenceOfAddsAndRemovalsEndsAsAListWouldEnd() {
    Random random = new Random(7);
    for (int round = 0; round < 200; round++) {
      AddedFacts added = new AddedFacts();
      List<Object> list = new ArrayList<>();
      for (int step = 0; step < 60; step++) {
        Integer fact = random.nextInt(8);
        if (random.nextBoolean()) {
          added.add(fact);
          list.add(fact);
        } else {
          assertEquals(list.remove(fact), added.remove(fact));
        }
        assertEquals(list, added.list(), "round " + round + ", step " + step);
      }
    }
  }
}
