package dev.catalogpolicy.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.catalogpolicy.catalog.CatalogJson;
import dev.catalogpolicy.generate.CatalogGenerator;
import dev.catalogpolicy.generate.GeneratorSpec;
import dev.catalogpolicy.generate.LaunchSample;
import dev.catalogpolicy.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code generate}: a realistic catalog snapshot of a given size, the same for the same seed. */
@Command(name = "generate", description = {
    "Write a generated catalog snapshot: an organization with nested OUs, a hub sharing portfolios with the",
    "organization, with OUs and with outside accounts, launch and template constraints, and in every spoke a",
    "local portfolio and principal associations. Organization imports are made when the snapshot is loaded."})
final class GenerateCommand implements Callable<Integer> {
  @Option(names = "--size", description = "a named size: org-1k, org-5k, org-20k (50 OUs, 50 portfolios x 100 products); "
      + "the options below override it")
  String size;

  @Option(names = "--accounts", description = "accounts, the hub included (default 100)")
  Integer accounts;

  @Option(names = "--ous", description = "organizational units, the root included (default 10)")
  Integer ous;

  @Option(names = "--portfolios", description = "hub portfolios (default 10)")
  Integer portfolios;

  @Option(names = "--products", description = "products per hub portfolio (default 20)")
  Integer products;

  @Option(names = "--org-wide", description = "portfolios shared with the whole organization (default: one in ten, at least one)")
  Integer orgWide;

  @Option(names = "--seed", defaultValue = "1", description = "random seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--out", description = "snapshot file (default: standard output)")
  Path out;

  @Option(names = "--calls", description = "also write dry-run ProvisionProduct calls the catalog allows, one JSON per line")
  Path calls;

  @Option(names = "--call-count", defaultValue = "1000", description = "number of calls for --calls (default: ${DEFAULT-VALUE})")
  int callCount;

  @Override
  public Integer call() {
    GeneratorSpec spec;
    try {
      GeneratorSpec base = size == null ? new GeneratorSpec(100, 10, 10, 20, 1, seed) : GeneratorSpec.named(size, seed);
      int p = portfolios != null ? portfolios : base.portfolios();
      spec = new GeneratorSpec(accounts != null ? accounts : base.accounts(), ous != null ? ous : base.ous(), p,
          products != null ? products : base.products(),
          orgWide != null ? orgWide : GeneratorSpec.defaultOrgWide(p), seed);
    } catch (IllegalArgumentException e) {
      System.err.println("generate: " + e.getMessage());
      return 2;
    }
    if (callCount < 0) {
      System.err.println("generate: --call-count must not be negative");
      return 2;
    }
    var g = CatalogGenerator.generate(spec, calls == null ? 0 : callCount);
    ObjectWriter w = Json.MAPPER.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    try {
      write(out, s -> {
        w.writeValue(s, CatalogJson.write(g.catalog()));
        s.write('\n');
      });
      if (calls != null) {
        write(calls, s -> {
          int i = 0;
          for (LaunchSample sample : g.samples()) {
            w.writeValue(s, sample.provisionCall("bench-" + i++));
            s.write('\n');
          }
        });
      }
    } catch (IOException e) {
      System.err.println("generate: cannot write: " + e.getMessage());
      return 1;
    }
    System.err.printf("generated %d accounts, %d OUs, %d portfolios x %d products (%d org-wide), seed %d: %d facts%s%n",
        spec.accounts(), spec.ous(), spec.portfolios(), spec.products(), spec.orgWide(), spec.seed(), g.catalog().size(),
        calls == null ? "" : "; " + g.samples().size() + " calls in " + calls);
    return 0;
  }

  private interface Body {
    void write(OutputStream s) throws IOException;
  }

  private static void write(Path file, Body body) throws IOException {
    if (file == null) {
      OutputStream s = new BufferedOutputStream(System.out);
      body.write(s);
      s.flush();
      return;
    }
    try (OutputStream s = new BufferedOutputStream(Files.newOutputStream(file))) {
      body.write(s);
    }
  }
}
