package com.hoteltraffic;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The product's packages depend on each other one way only: cli → job → ingest → classify → model,
 * report → model, output → report and model, sql (the notebook's SQL functions) → classify. This
 * test reads the compiled main classes (not the tests) and fails naming every import against that
 * direction, and any cycle between packages. Inside {@code report}, the engine and the shared
 * helpers name no report, and each report's package depends only on them and {@code model}: the
 * registry ({@code report.Reports}) is the one place that lists the reports.
 */
class ArchitectureTest {
  private static final String ROOT = "com.hoteltraffic";

  /** What each top-level package may import of ours; anything else of ours is a violation. */
  private static final Map<String, Set<String>> ALLOWED =
      Map.of(
          "model", Set.of(),
          "json", Set.of(),
          "classify", Set.of("model", "json"),
          "ingest", Set.of("classify", "model", "json"),
          "report", Set.of("model"),
          "sql", Set.of("classify", "model"),
          "output", Set.of("report", "model"),
          "job", Set.of("ingest", "classify", "report", "output", "model", "json"),
          "cli", Set.of("job", "ingest", "report", "model"));

  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages(ROOT);
  }

  @Test
  void everyPackageIsListed() {
    Set<String> found = new TreeSet<>();
    classes.forEach(
        c -> {
          String rest =
              c.getPackageName().equals(ROOT)
                  ? ""
                  : c.getPackageName().substring(ROOT.length() + 1);
          if (!rest.isEmpty()) {
            found.add(rest.split("\\.")[0]);
          }
        });
    assertEquals(
        new TreeSet<>(ALLOWED.keySet()),
        found,
        "a new top-level package needs its allowed dependencies in ALLOWED");
  }

  @Test
  void noCyclesBetweenPackages() {
    EvaluationResult result =
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().evaluate(classes);
    assertTrue(
        !result.hasViolation(), () -> String.join("\n", result.getFailureReport().getDetails()));
  }

  @Test
  void dependenciesPointOneWay() {
    List<String> violations = new java.util.ArrayList<>();
    ALLOWED.forEach(
        (pkg, allowed) -> {
          String[] forbidden =
              ALLOWED.keySet().stream()
                  .filter(other -> !other.equals(pkg) && !allowed.contains(other))
                  .map(other -> ROOT + "." + other + "..")
                  .toArray(String[]::new);
          EvaluationResult result =
              noClasses()
                  .that()
                  .resideInAPackage(ROOT + "." + pkg + "..")
                  .should()
                  .dependOnClassesThat()
                  .resideInAnyPackage(forbidden)
                  .evaluate(classes);
          violations.addAll(result.getFailureReport().getDetails());
        });
    assertTrue(violations.isEmpty(), () -> String.join("\n", violations));
  }

  @Test
  void nothingDependsOnTheNotebookFacade() {
    EvaluationResult result =
        noClasses()
            .that()
            .resideOutsideOfPackage(ROOT)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(ROOT)
            .evaluate(classes);
    assertTrue(
        !result.hasViolation(), () -> String.join("\n", result.getFailureReport().getDetails()));
  }

  /** The report packages besides the engine, the shared helpers and the alerts: one per report. */
  private static Set<String> reportPackages() {
    Set<String> found = new TreeSet<>();
    String prefix = ROOT + ".report.";
    classes.forEach(
        c -> {
          if (c.getPackageName().startsWith(prefix)) {
            found.add(c.getPackageName().substring(prefix.length()).split("\\.")[0]);
          }
        });
    found.removeAll(Set.of("engine", "shared", "alert"));
    return found;
  }

  @Test
  void theEngineAndTheSharedHelpersNameNoReport() {
    List<String> violations = new java.util.ArrayList<>();
    for (String pkg : List.of("engine", "shared")) {
      List<String> forbidden = new java.util.ArrayList<>();
      forbidden.add(ROOT + ".report");
      forbidden.add(ROOT + ".report.alert..");
      reportPackages().forEach(report -> forbidden.add(ROOT + ".report." + report + ".."));
      if (pkg.equals("shared")) {
        forbidden.add(ROOT + ".report.engine..");
      }
      EvaluationResult result =
          noClasses()
              .that()
              .resideInAPackage(ROOT + ".report." + pkg + "..")
              .should()
              .dependOnClassesThat()
              .resideInAnyPackage(forbidden.toArray(String[]::new))
              .evaluate(classes);
      violations.addAll(result.getFailureReport().getDetails());
    }
    assertTrue(violations.isEmpty(), () -> String.join("\n", violations));
  }

  @Test
  void eachReportDependsOnlyOnTheEngineTheSharedHelpersAndTheModel() {
    Set<String> reports = reportPackages();
    assertTrue(reports.size() >= 9, "one package per report, found " + reports);
    List<String> violations = new java.util.ArrayList<>();
    for (String report : reports) {
      List<String> forbidden = new java.util.ArrayList<>();
      forbidden.add(ROOT + ".report");
      forbidden.add(ROOT + ".report.alert..");
      reports.stream()
          .filter(other -> !other.equals(report))
          .forEach(other -> forbidden.add(ROOT + ".report." + other + ".."));
      EvaluationResult result =
          noClasses()
              .that()
              .resideInAPackage(ROOT + ".report." + report + "..")
              .should()
              .dependOnClassesThat()
              .resideInAnyPackage(forbidden.toArray(String[]::new))
              .evaluate(classes);
      violations.addAll(result.getFailureReport().getDetails());
    }
    assertTrue(violations.isEmpty(), () -> String.join("\n", violations));
  }
}
