package dev.catalogpolicy.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The one executable: {@code serve}, {@code test}, {@code validate}, {@code decide} (api.md §6). */
@Command(name = "catalog-policy", mixinStandardHelpOptions = true, version = "catalog-policy 0.1.0",
    description = "Policy evaluator for AWS Service Catalog portfolio sharing.",
    subcommands = {ServeCommand.class, TestCommand.class, ValidateCommand.class, DecideCommand.class,
        ExplainCommand.class, GenerateCommand.class})
public final class Main implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  public static int run(String... args) {
    return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
