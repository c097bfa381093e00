package dev.catalogpolicy.live;

import dev.catalogpolicy.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The journal keeps exactly its valid prefix: torn tails, bad checksums and gaps are set aside, never lost. */
class JournalTest {
  @TempDir
  Path dir;

  private void write(long from, int n) throws IOException {
    try (Journal j = Journal.open(dir, from - 1)) {
      for (long v = from; v < from + n; v++) j.append(v, Json.MAPPER.createObjectNode().put("call", "c" + v));
    }
  }

  private Path segment() throws IOException {
    return Journal.segments(dir).get(0);
  }

  @Test
  void entriesReadBackInOrderAfterTheSnapshotVersion() throws IOException {
    write(2, 5);
    Journal.Replay r = Journal.read(dir, 3);
    assertEquals(List.of(4L, 5L, 6L), r.entries().stream().map(Journal.Entry::version).toList());
    assertEquals("c4", r.entries().get(0).body().get("call").asText());
    assertTrue(r.problems().isEmpty());
  }

  @Test
  void aTornLastEntryIsSetAsideAndThePrefixKept() throws IOException {
    write(2, 3);
    Path seg = segment();
    long whole = Files.size(seg);
    Files.writeString(seg, "1234abcd {\"call\":\"half", StandardOpenOption.APPEND);
    Journal.Replay r = Journal.read(dir, 1);
    assertEquals(3, r.entries().size());
    assertEquals(1, r.problems().size());
    assertTrue(r.problems().get(0).contains("torn last entry"), r.problems().get(0));
    assertEquals(whole, Files.size(seg), "the segment is cut back to its valid prefix");
    try (var files = Files.list(dir)) {
      Path aside = files.filter(p -> p.getFileName().toString().contains(".damaged-")).findFirst().orElseThrow();
      assertEquals("1234abcd {\"call\":\"half", Files.readString(aside), "the damaged bytes are kept beside it");
    }
    // appending after recovery continues the sequence
    try (Journal j = Journal.open(dir, 4)) {
      j.append(5, Json.MAPPER.createObjectNode().put("call", "c5"));
    }
    assertEquals(4, Journal.read(dir, 1).entries().size());
  }

  @Test
  void aFlippedByteFailsItsChecksumAndEverythingAfterItIsSetAside() throws IOException {
    write(2, 4);
    Path seg = segment();
    String text = Files.readString(seg);
    int second = text.indexOf('\n') + 1;
    String corrupt = text.substring(0, second + 12) + "X" + text.substring(second + 13);
    Files.writeString(seg, corrupt);
    Journal.Replay r = Journal.read(dir, 1);
    assertEquals(1, r.entries().size(), "only the entry before the damage");
    assertTrue(r.problems().get(0).contains("checksum mismatch"), r.problems().get(0));
  }

  @Test
  void aGapInVersionsIsDamage() throws IOException {
    write(2, 2);
    try (Journal j = Journal.open(dir, 9)) {
      j.append(10, Json.MAPPER.createObjectNode());
    }
    Journal.Replay r = Journal.read(dir, 1);
    assertEquals(2, r.entries().size());
    assertTrue(r.problems().get(0).contains("follows a damaged entry") || r.problems().get(0).contains("where 4 was expected"),
        r.problems().toString());
  }

  @Test
  void droppedSegmentsAreThoseASnapshotCovers() throws IOException {
    write(2, 3);
    try (Journal j = Journal.open(dir, 4)) {
      j.append(5, Json.MAPPER.createObjectNode());
      j.dropThrough(4);
    }
    assertEquals(1, Journal.segments(dir).size());
    assertEquals(List.of(5L), Journal.read(dir, 4).entries().stream().map(Journal.Entry::version).toList());
  }
}
