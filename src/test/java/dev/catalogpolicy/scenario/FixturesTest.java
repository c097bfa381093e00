package dev.catalogpolicy.scenario;

import dev.catalogpolicy.TestRules;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

/** Every scenario under fixtures/ as a container, each of its steps a DynamicTest. */
class FixturesTest {
  @TestFactory
  Stream<DynamicNode> fixtures() throws IOException {
    List<Path> files = ScenarioFiles.find(List.of(TestRules.FIXTURES));
    assertFalse(files.isEmpty(), "no fixtures found under " + TestRules.FIXTURES);
    return files.stream().map(this::scenario);
  }

  private DynamicNode scenario(Path file) {
    ScenarioFiles.FileRun fr = ScenarioFiles.run(TestRules.get(), file);
    String name = TestRules.FIXTURES.relativize(file).toString();
    if (fr.error() != null) return DynamicTest.dynamicTest(name, () -> fail(fr.error()));
    return DynamicContainer.dynamicContainer(name + ": " + fr.run().scenario().name(), file.toUri(),
        fr.run().results().stream().map(r -> DynamicTest.dynamicTest(
            r.step().id() + " " + r.step().call().getName(), () -> {
              if (!r.passed()) {
                fail(file + ":" + r.step().line() + " step " + r.step().id() + ": " + String.join("; ", r.mismatches()));
              }
            })));
  }
}
