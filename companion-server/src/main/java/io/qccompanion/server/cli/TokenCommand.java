package io.qccompanion.server.cli;

import io.qccompanion.server.CompanionApp;
import io.qccompanion.server.domain.NotFound;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "token",
    description = "Manage personal API tokens.",
    subcommands = TokenCommand.Create.class)
final class TokenCommand {
  @Command(name = "create", description = "Create an API token for a user; printed once.")
  static final class Create implements Callable<Integer> {
    @Mixin ConfigOptions config;

    @Option(names = "--email", required = true, description = "The token's owner.")
    String email;

    @Option(names = "--name", defaultValue = "cli", description = "What the token is for.")
    String name;

    @Override
    public Integer call() {
      try (var app = new CompanionApp(config.load(), Clock.systemUTC())) {
        var c = app;
        var user =
            c.users().users().stream()
                .filter(u -> u.email().equalsIgnoreCase(email))
                .findFirst()
                .orElseThrow(() -> new NotFound("user", email));
        var created =
            c.db()
                .write(
                    h -> {
                      var t = c.tokens().create(h, user.id(), name);
                      c.audit()
                          .record(
                              h,
                              user.id(),
                              "token.create",
                              "api_token",
                              t.info().id(),
                              null,
                              t.info());
                      return t;
                    });
        System.out.println(created.token());
      }
      return 0;
    }
  }
}
