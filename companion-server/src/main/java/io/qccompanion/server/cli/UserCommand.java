package io.qccompanion.server.cli;

import io.qccompanion.server.CompanionApp;
import io.qccompanion.server.auth.Role;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "user", description = "Manage users.", subcommands = UserCommand.Create.class)
final class UserCommand {
  @Command(name = "create", description = "Create a user who logs in with a password.")
  static final class Create implements Callable<Integer> {
    @Mixin ConfigOptions config;

    @Option(names = "--email", required = true)
    String email;

    @Option(names = "--name", required = true)
    String name;

    @Option(names = "--role", required = true, description = "One of: ${COMPLETION-CANDIDATES}")
    Role role;

    @Option(
        names = "--password",
        required = true,
        interactive = true,
        arity = "0..1",
        description = "At least 10 characters; prompted when given without a value.")
    String password;

    @Option(names = "--agent-id", description = "Agent this AGENT user is.")
    String agentId;

    @Override
    public Integer call() {
      if (password == null || password.length() < 10)
        throw new IllegalArgumentException("password must have at least 10 characters");
      try (var app = new CompanionApp(config.load(), Clock.systemUTC())) {
        var c = app;
        var user =
            c.db()
                .write(
                    h -> {
                      var u =
                          c.users()
                              .createUser(h, email, name, role, password, agentId, List.of(), 40);
                      c.audit().record(h, null, "user.create", "user", u.id(), null, u);
                      return u;
                    });
        System.out.println("created " + user.role() + " " + user.email() + " (" + user.id() + ")");
      }
      return 0;
    }
  }
}
