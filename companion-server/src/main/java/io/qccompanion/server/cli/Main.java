package io.qccompanion.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar qc-companion.jar <command>}. */
@Command(
    name = "qc-companion",
    mixinStandardHelpOptions = true,
    version = "QC Companion " + io.qccompanion.server.CompanionApp.VERSION,
    description = "Quality checking for support teams, inside Zendesk and Jira.",
    subcommands = {
      ServeCommand.class,
      DemoCommand.class,
      MigrateCommand.class,
      UserCommand.class,
      TokenCommand.class,
      SyncCommand.class,
      ExportCommand.class,
      BackupCommand.class,
      RotateKeyCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs a command line and returns its exit code (tests call this). */
  public static int run(String... args) {
    return new CommandLine(new Main())
        .setExecutionExceptionHandler(
            (e, cmd, parsed) -> {
              cmd.getErr().println(cmd.getColorScheme().errorText("error: " + e.getMessage()));
              return 2;
            })
        .execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
