package dev.catalogpolicy.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalogpolicy.json.Json;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * The write-ahead journal of a live catalog: one line per applied change, {@code <crc32> <json>\n},
 * in segment files {@code journal-<first version>.log}. An entry is on disk (written and forced)
 * before {@link #append} returns. Reading stops at the first line that is torn, fails its checksum or
 * breaks the version sequence: the valid prefix is kept and everything after it is moved aside,
 * never deleted, and reported.
 */
final class Journal implements AutoCloseable {
  private static final Pattern SEGMENT = Pattern.compile("journal-(\\d{12})\\.log");

  /** One applied change: its catalog version and the entry's JSON. */
  record Entry(long version, ObjectNode body) {}

  /** What reading the journal found: entries in order, and what was set aside. */
  record Replay(List<Entry> entries, List<String> problems, long bytes) {}

  private final Path dir;
  private FileChannel current;
  private Path currentPath;
  private long bytes;

  private Journal(Path dir) {
    this.dir = dir;
  }

  /** Reads every segment after {@code afterVersion} (entries at or before it are skipped). */
  static Replay read(Path dir, long afterVersion) throws IOException {
    List<Entry> entries = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    long expected = afterVersion + 1;
    long total = 0;
    boolean damaged = false;
    for (Path seg : segments(dir)) {
      if (damaged) {
        problems.add(setAside(seg, 0, "follows a damaged entry"));
        continue;
      }
      byte[] data = Files.readAllBytes(seg);
      int pos = 0;
      while (pos < data.length) {
        int nl = indexOf(data, (byte) '\n', pos);
        String fault = null;
        Entry e = null;
        if (nl < 0) {
          fault = "torn last entry (" + (data.length - pos) + " bytes without an end of line)";
        } else {
          try {
            e = parse(new String(data, pos, nl - pos, StandardCharsets.UTF_8));
          } catch (IOException ex) {
            fault = ex.getMessage();
          }
          if (e != null && e.version() > afterVersion && e.version() != expected) {
            fault = "version " + e.version() + " where " + expected + " was expected";
          }
        }
        if (fault != null) {
          problems.add(seg.getFileName() + " at byte " + pos + ": " + fault + "; " + setAside(seg, pos, fault));
          damaged = true;
          break;
        }
        if (e.version() > afterVersion) {
          entries.add(e);
          expected++;
        }
        pos = nl + 1;
      }
      total += Math.min(pos, data.length);
    }
    return new Replay(entries, problems, total);
  }

  /** Opens a new segment for appends after {@code version}. */
  static Journal open(Path dir, long version) throws IOException {
    Files.createDirectories(dir);
    Journal j = new Journal(dir);
    j.roll(version);
    return j;
  }

  /** Appends one entry and forces it to disk. */
  synchronized void append(long version, ObjectNode body) throws IOException {
    body.put("v", version);
    String json = Json.compact(body);
    CRC32 crc = new CRC32();
    byte[] payload = json.getBytes(StandardCharsets.UTF_8);
    crc.update(payload);
    byte[] line = (String.format("%08x ", crc.getValue()) + json + "\n").getBytes(StandardCharsets.UTF_8);
    long before = current.position();
    try {
      ByteBuffer buf = ByteBuffer.wrap(line);
      while (buf.hasRemaining()) current.write(buf);
      current.force(false);
    } catch (IOException e) {
      // a failed append must leave nothing behind that a replay would read as a change
      try {
        current.truncate(before);
        current.position(before);
      } catch (IOException ignored) {
        // the torn line fails its checksum on replay and is set aside there
      }
      throw e;
    }
    bytes += line.length;
  }

  /** Starts a new segment whose first entry will be {@code version + 1}. */
  synchronized void roll(long version) throws IOException {
    if (current != null) current.close();
    currentPath = dir.resolve(String.format("journal-%012d.log", version + 1));
    current = FileChannel.open(currentPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    bytes = current.size();
    Snapshots.forceDirectory(dir);
  }

  /** Deletes segments all of whose entries are at or before {@code version} (a snapshot holds them). */
  synchronized void dropThrough(long version) throws IOException {
    List<Path> segs = segments(dir);
    for (int i = 0; i < segs.size(); i++) {
      Path s = segs.get(i);
      if (s.equals(currentPath)) continue;
      long nextFirst = i + 1 < segs.size() ? first(segs.get(i + 1)) : Long.MAX_VALUE;
      if (nextFirst - 1 <= version) Files.deleteIfExists(s);
    }
    Snapshots.forceDirectory(dir);
  }

  /** Bytes in the current segment. */
  synchronized long bytes() {
    return bytes;
  }

  @Override
  public synchronized void close() throws IOException {
    if (current != null) current.close();
    current = null;
  }

  static List<Path> segments(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) return List.of();
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> SEGMENT.matcher(p.getFileName().toString()).matches()).sorted().toList();
    }
  }

  private static long first(Path segment) {
    Matcher m = SEGMENT.matcher(segment.getFileName().toString());
    return m.matches() ? Long.parseLong(m.group(1)) : 0;
  }

  private static Entry parse(String line) throws IOException {
    if (line.length() < 10 || line.charAt(8) != ' ') throw new IOException("not a journal line");
    String json = line.substring(9);
    CRC32 crc = new CRC32();
    crc.update(json.getBytes(StandardCharsets.UTF_8));
    long want;
    try {
      want = Long.parseLong(line.substring(0, 8), 16);
    } catch (NumberFormatException e) {
      throw new IOException("bad checksum field");
    }
    if (want != crc.getValue()) throw new IOException("checksum mismatch");
    JsonNode n = Json.MAPPER.readTree(json);
    if (!n.isObject() || !n.path("v").canConvertToLong()) throw new IOException("entry without a version");
    return new Entry(n.get("v").asLong(), (ObjectNode) n);
  }

  /** Moves the bytes of {@code seg} from {@code from} on into a side file and truncates the segment. */
  private static String setAside(Path seg, long from, String why) throws IOException {
    byte[] data = Files.readAllBytes(seg);
    Path aside = seg.resolveSibling(seg.getFileName() + ".damaged-" + System.currentTimeMillis());
    Files.write(aside, java.util.Arrays.copyOfRange(data, (int) from, data.length));
    try (FileChannel ch = FileChannel.open(seg, StandardOpenOption.WRITE)) {
      ch.truncate(from);
      ch.force(true);
    }
    if (from == 0) Files.delete(seg);
    return (data.length - from) + " bytes set aside in " + aside.getFileName();
  }

  private static int indexOf(byte[] data, byte b, int from) {
    for (int i = from; i < data.length; i++) if (data[i] == b) return i;
    return -1;
  }
}
