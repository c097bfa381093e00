package dev.catalogpolicy.engine;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Decision ids: random (version 4) UUIDs drawn from each thread's own generator. A decision id names a
 * decision in the log and in its answer; it guards nothing, so it needs no cryptographic randomness.
 * {@link UUID#randomUUID()} draws from one SecureRandom behind a lock: under load every decision
 * queued on it, and until the JIT had compiled it (the first half minute of a server under load) it
 * held requests for tens of milliseconds.
 */
public final class DecisionIds {
  private DecisionIds() {}

  public static String next() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    long msb = (r.nextLong() & ~0xF000L) | 0x4000L; // version 4
    long lsb = (r.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48); // IETF variant
    return new UUID(msb, lsb).toString();
  }
}
