package io.qccompanion.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Dependencies point one way: shared-model ← connector-* ← companion-server. */
class ArchitectureTest {
  static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.qccompanion");
  }

  @Test
  void sharedModelDependsOnTheJdkOnly() {
    classes()
        .that()
        .resideInAPackage("io.qccompanion.model..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "io.qccompanion.model..")
        .check(classes);
  }

  @Test
  void connectorsNeverSeeTheServer() {
    noClasses()
        .that()
        .resideInAPackage("io.qccompanion.connector..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.qccompanion.server..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void connectorsDoNotDependOnEachOther() {
    noClasses()
        .that()
        .resideInAPackage("io.qccompanion.connector.zendesk..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.qccompanion.connector.jira..")
        .allowEmptyShould(true)
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("io.qccompanion.connector.jira..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.qccompanion.connector.zendesk..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void serverUsesConnectorsOnlyThroughTheSpiAndSimulatorsOnlyInTheDemo() {
    noClasses()
        .that()
        .resideInAPackage("io.qccompanion.server..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.qccompanion.connector..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("io.qccompanion.server..")
        .and()
        .resideOutsideOfPackage("io.qccompanion.server.demo..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.qccompanion.simulators..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("io.qccompanion.connector..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.qccompanion.simulators..")
        .check(classes);
  }
}
