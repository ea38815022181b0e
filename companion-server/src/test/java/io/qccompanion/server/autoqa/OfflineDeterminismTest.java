package io.qccompanion.server.autoqa;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class OfflineDeterminismTest {
  static final Conversation SAMPLE =
      Conversations.start()
          .customer("This is unacceptable, I was charged twice and I want a refund!")
          .after(90)
          .agent(AutoQaChecksTest.CURT_REPLY)
          .after(30)
          .customer("ok thanks")
          .after(10)
          .agent(AutoQaChecksTest.GOOD_REPLY)
          .names("Maria", "Jonas")
          .build();

  /** Records every URI anything asks to connect to, and points it at a closed port. */
  static final class RecordingSelector extends ProxySelector {
    final List<URI> asked = new CopyOnWriteArrayList<>();

    @Override
    public List<Proxy> select(URI uri) {
      asked.add(uri);
      return List.of(new Proxy(Proxy.Type.HTTP, new java.net.InetSocketAddress("127.0.0.1", 9)));
    }

    @Override
    public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {}
  }

  @Test
  void loadsAndScoresWithTheNetworkUnreachable() {
    ProxySelector before = ProxySelector.getDefault();
    RecordingSelector selector = new RecordingSelector();
    String[] keys = {"http.proxyHost", "http.proxyPort", "https.proxyHost", "https.proxyPort"};
    String[] saved = new String[keys.length];
    for (int i = 0; i < keys.length; i++) saved[i] = System.getProperty(keys[i]);
    try {
      ProxySelector.setDefault(selector);
      System.setProperty("http.proxyHost", "127.0.0.1");
      System.setProperty("http.proxyPort", "9");
      System.setProperty("https.proxyHost", "127.0.0.1");
      System.setProperty("https.proxyPort", "9");
      AutoQa offline =
          new AutoQa(
              AutoQaConfig.DEFAULTS
                  .newBuilder()
                  .disabledRules(Set.of("EN_QUOTES", "UPPERCASE_SENTENCE_START"))
                  .build());
      AutoQaResult result = offline.score(SAMPLE, TeamRules.DEFAULTS);
      assertThat(result.check(Check.SPELLING_GRAMMAR).evidence()).isNotEmpty();
      assertThat(selector.asked).isEmpty();
    } finally {
      ProxySelector.setDefault(before);
      for (int i = 0; i < keys.length; i++)
        if (saved[i] == null) System.clearProperty(keys[i]);
        else System.setProperty(keys[i], saved[i]);
    }
  }

  @Test
  void sameInputAndRuleSetVersionGiveTheSameResult() {
    AutoQa engine = Engines.shared();
    AutoQaResult first = engine.score(SAMPLE, TeamRules.DEFAULTS);
    AutoQaResult again = engine.score(SAMPLE, TeamRules.DEFAULTS);
    AutoQaResult otherThread =
        java.util.concurrent.CompletableFuture.supplyAsync(
                () -> engine.score(SAMPLE, TeamRules.DEFAULTS))
            .join();
    assertThat(again).isEqualTo(first);
    assertThat(otherThread).isEqualTo(first);
    assertThat(first.ruleSetVersion()).startsWith("autoqa-1/lt-6.6/");
  }

  @Test
  void ruleSetVersionChangesWithTheTeamRules() {
    AutoQa engine = Engines.shared();
    String base = engine.ruleSetVersion(TeamRules.DEFAULTS);
    assertThat(engine.ruleSetVersion(TeamRules.DEFAULTS.newBuilder().build())).isEqualTo(base);
    assertThat(
            engine.ruleSetVersion(
                TeamRules.DEFAULTS.newBuilder().dictionary(Set.of("Acme")).build()))
        .isNotEqualTo(base);
    assertThat(engine.ruleSetVersion(TeamRules.DEFAULTS.newBuilder().maxReopens(1).build()))
        .isNotEqualTo(base);
  }
}
