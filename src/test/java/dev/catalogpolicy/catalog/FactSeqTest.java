package dev.catalogpolicy.catalog;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * {@link FactSeq}, of which catalogs are made, keeps the order and the removals of a list: the first
 * equal fact goes.
 */
class FactSeqTest {
  @Test
  void anEqualFactTakenOutIsTheFirstOneAndTheOthersKeepTheirOrder() {
    FactSeq s = FactSeq.EMPTY.plus("a").plus("b").plus(new String("a")).plus("c");
    s = s.minus(new String("a"));
    assertEquals(List.of("b", "a", "c"), s.toList());
    assertSame(s, s.minus("d"), "nothing equal: the same sequence");
    assertEquals(List.of("b", "c", "a"), s.minus("a").plus("a").toList());
  }

  @Test
  void anySequenceOfAddsAndRemovalsEndsAsAListWouldEnd() {
    Random random = new Random(7);
    for (int round = 0; round < 200; round++) {
      FactSeq s = FactSeq.EMPTY;
      List<Object> list = new ArrayList<>();
      for (int step = 0; step < 60; step++) {
        Integer fact = random.nextInt(8);
        if (random.nextBoolean()) {
          s = s.plus(fact);
          list.add(fact);
        } else {
          FactSeq less = s.minus(fact);
          assertEquals(list.remove(fact), less != s, "round " + round + ", step " + step);
          s = less;
        }
        assertEquals(list, s.toList(), "round " + round + ", step " + step);
        assertEquals(list.size(), s.size());
      }
    }
  }
}
