package dev.catalogpolicy.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalogpolicy.catalog.Catalog;
import dev.catalogpolicy.catalog.CatalogJson;
import dev.catalogpolicy.json.BadRequest;
import dev.catalogpolicy.json.Json;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** {@code snapshot.json}: the catalog at one version, written to a temporary file, forced, and renamed. */
final class Snapshots {
  static final String FILE = "snapshot.json";

  record Loaded(long version, Catalog catalog) {}

  private Snapshots() {}

  static boolean exists(Path dir) {
    return Files.isRegularFile(dir.resolve(FILE));
  }

  static Loaded read(Path dir) throws IOException {
    Path f = dir.resolve(FILE);
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(f.toFile());
    } catch (IOException e) {
      throw new IOException(f + " is not a readable snapshot: " + e.getMessage(), e);
    }
    if (root == null || !root.path("version").canConvertToLong() || !root.path("catalog").isObject()) {
      throw new IOException(f + " is not a snapshot: {version, catalog} expected");
    }
    try {
      return new Loaded(root.get("version").asLong(), CatalogJson.read(root.get("catalog"), "$.catalog"));
    } catch (BadRequest e) {
      throw new IOException(f + ": " + e.path() + ": " + e.getMessage(), e);
    }
  }

  static void write(Path dir, long version, Catalog catalog) throws IOException {
    Files.createDirectories(dir);
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("version", version);
    root.put("savedAt", java.time.Instant.now().toString());
    root.set("catalog", CatalogJson.write(catalog));
    Path tmp = dir.resolve(FILE + ".tmp");
    Json.MAPPER.writeValue(tmp.toFile(), root);
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
      ch.force(true);
    }
    Files.move(tmp, dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    forceDirectory(dir);
  }

  /** Forces a directory's entries (a rename or a new file) to disk. */
  static void forceDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException ignored) {
      // not every file system lets a directory be opened; the rename itself is atomic
    }
  }
}
