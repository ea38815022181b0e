package io.qccompanion.server;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point one way: shared-model ← connector-* ← companion-server; the server's feature
 * packages form no cycle; domain code knows nothing of HTTP. Each rule is also run against a small
 * fixture that breaks it ({@code archfixture} under src/test), so a rule that checks nothing fails.
 */
class ArchitectureTest {
  static final String SERVER = "io.qccompanion.server";
  static final String CONNECTOR_HTTP = "io.qccompanion.connector.http";

  /**
   * Packages whose classes hold the domain: they may not use Javalin nor {@code web}, except the
   * HTTP adapters among them, the classes named {@code *Routes} or {@code *Params}, and each
   * package's door {@code *Feature}, which registers its routes. Not domain: {@code web}, {@code
   * pages}, {@code auth} (cookies, Bearer tokens, the route guard), {@code cli}, {@code demo} and
   * the composition root.
   */
  static final String[] DOMAIN = {
    "audit",
    "auditpack",
    "autoqa",
    "calibration",
    "coaching",
    "compliance",
    "config",
    "connections",
    "disputes",
    "domain",
    "evaluations",
    "outbox",
    "retention",
    "sampling",
    "scorecards",
    "scoring",
    "store",
    "summaries",
    "sync",
    "users"
  };

  static JavaClasses main;
  static JavaClasses fixture;

  @BeforeAll
  static void importClasses() {
    main =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.qccompanion");
    fixture = new ClassFileImporter().importPackages(SERVER + ".archfixture");
  }

  static ArchRule featurePackagesAreFreeOfCycles(String root) {
    return slices().matching(root + ".(*)..").should().beFreeOfCycles();
  }

  static ArchRule domainNeverSeesHttp(String root, String... domainPackages) {
    return noClasses()
        .that()
        .resideInAnyPackage(
            Arrays.stream(domainPackages).map(p -> root + "." + p + "..").toArray(String[]::new))
        .and(not(simpleNameEndingWith("Routes")))
        .and(not(simpleNameEndingWith("Params")))
        .and(not(simpleNameEndingWith("Feature")))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.javalin..", SERVER + ".web..");
  }

  static ArchRule neverDependsOn(String from, String to) {
    return noClasses()
        .that()
        .resideInAPackage(from + "..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(to + "..");
  }

  @Test
  void serverFeaturePackagesAreFreeOfCycles() {
    featurePackagesAreFreeOfCycles(SERVER).check(main);
  }

  @Test
  void domainCodeNeverSeesJavalinNorWeb() {
    domainNeverSeesHttp(SERVER, DOMAIN).check(main);
  }

  @Test
  void sharedModelDependsOnTheJdkOnly() {
    classes()
        .that()
        .resideInAPackage("io.qccompanion.model..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "io.qccompanion.model..")
        .check(main);
  }

  @Test
  void connectorsNeverSeeTheServer() {
    neverDependsOn("io.qccompanion.connector", SERVER).check(main);
  }

  @Test
  void connectorsDoNotDependOnEachOther() {
    neverDependsOn("io.qccompanion.connector.zendesk", "io.qccompanion.connector.jira").check(main);
    neverDependsOn("io.qccompanion.connector.jira", "io.qccompanion.connector.zendesk").check(main);
  }

  @Test
  void connectorsShareOnlyTheHttpLayerWhichKnowsNoConnector() {
    httpLayerDependsOnSpiAndOkHttpOnly(CONNECTOR_HTTP).check(main);
  }

  /** connector-http: JDK, the SPI and OkHttp (with the Kotlin types of its signatures) only. */
  static ArchRule httpLayerDependsOnSpiAndOkHttpOnly(String pkg) {
    return classes()
        .that()
        .resideInAPackage(pkg + "..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "java..", "io.qccompanion.model..", pkg + "..", "okhttp3..", "kotlin..");
  }

  @Test
  void serverUsesConnectorsOnlyThroughTheSpiAndSimulatorsOnlyInTheDemo() {
    neverDependsOn(SERVER, "io.qccompanion.connector").check(main);
    noClasses()
        .that()
        .resideInAPackage(SERVER + "..")
        .and()
        .resideOutsideOfPackage(SERVER + ".demo..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.qccompanion.simulators..")
        .check(main);
    neverDependsOn("io.qccompanion.connector", "io.qccompanion.simulators").check(main);
  }

  @Test
  void everyRuleSeesTheCodeItGuards() {
    // the rules above are not allowed to pass on empty sets: each package they name must exist
    for (String p : DOMAIN) assertThat(main.containPackage(SERVER + "." + p)).as(p).isTrue();
    assertThat(main.containPackage("io.qccompanion.connector.zendesk")).isTrue();
    assertThat(main.containPackage("io.qccompanion.connector.jira")).isTrue();
    assertThat(main.containPackage(CONNECTOR_HTTP)).isTrue();
    assertThat(main.containPackage("io.qccompanion.model")).isTrue();
    assertThat(main.containPackage("io.qccompanion.simulators.zendesk")).isTrue();
    assertThat(main.containPackage(SERVER + ".demo")).isTrue();
  }

  @Test
  void cycleRuleFailsOnAPackageCycle() {
    var result = featurePackagesAreFreeOfCycles(SERVER + ".archfixture.cycle").evaluate(fixture);
    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().toString()).contains("First", "Second");
  }

  @Test
  void domainRuleFailsOnADomainClassUsingHttp() {
    var result = domainNeverSeesHttp(SERVER + ".archfixture", "domain").evaluate(fixture);
    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails())
        .anyMatch(line -> line.contains("LeakyService") && line.contains("io.javalin"))
        .anyMatch(line -> line.contains("LeakyService") && line.contains("HttpProblem"))
        .noneMatch(line -> line.contains("FineRoutes"));
  }

  @Test
  void connectorRuleFailsOnAConnectorUsingTheServer() {
    var result =
        neverDependsOn(SERVER + ".archfixture.connector", SERVER + ".archfixture.server")
            .evaluate(fixture);
    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().toString()).contains("NosyConnector");
  }

  @Test
  void httpLayerRuleFailsOnTheLayerUsingAConnector() {
    var result = httpLayerDependsOnSpiAndOkHttpOnly(SERVER + ".archfixture.http").evaluate(fixture);
    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().toString()).contains("ConnectorAwareRetry");
  }
}
