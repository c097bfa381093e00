package dev.catalogpolicy.scenario;

import dev.catalogpolicy.engine.EngineException;
import dev.catalogpolicy.engine.RuleSet;
import dev.catalogpolicy.json.BadRequest;
import dev.catalogpolicy.json.JsonLines;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Scenario files on disk: found under paths, read, run; a file that cannot be read is an error with its line. */
public final class ScenarioFiles {
  private ScenarioFiles() {}

  /** A file's run, or why it could not run ({@code file:line: path: message}). */
  public record FileRun(Path file, ScenarioRunner.Run run, String error) {}

  /** Every {@code .json} scenario under the paths (a directory's {@code catalog.json} files are snapshots, not scenarios). */
  public static List<Path> find(List<Path> paths) throws IOException {
    List<Path> out = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.walk(p)) {
          s.filter(f -> f.toString().endsWith(".json") && !f.getFileName().toString().equals("catalog.json")
              && Files.isRegularFile(f)).sorted().forEach(out::add);
        }
      } else {
        out.add(p);
      }
    }
    return out;
  }

  public static Scenario read(Path file) throws IOException {
    String text = Files.readString(file);
    try {
      return ScenarioParser.parse(text);
    } catch (BadRequest e) {
      throw new BadRequest(e.path(), file + ":" + JsonLines.lineOf(text, e.path()) + ": " + e.path() + ": " + e.getMessage());
    }
  }

  public static FileRun run(RuleSet rules, Path file) {
    try {
      return new FileRun(file, ScenarioRunner.run(rules, read(file)), null);
    } catch (BadRequest e) {
      return new FileRun(file, null, e.getMessage());
    } catch (IOException e) {
      return new FileRun(file, null, file + ": cannot read: " + e.getMessage());
    } catch (EngineException e) {
      return new FileRun(file, null, file + ": the rules failed: " + e.getMessage());
    }
  }

  public static List<FileRun> runAll(RuleSet rules, List<Path> paths) {
    List<Path> files;
    try {
      files = find(paths);
    } catch (IOException e) {
      return List.of(new FileRun(null, null, "cannot list " + paths + ": " + e.getMessage()));
    }
    return files.stream().map(f -> run(rules, f)).toList();
  }
}
