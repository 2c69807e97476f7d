package dev.rekindle;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The package graph of the application (main code, not tests). A cycle between packages, or a step of the
 * flow that reaches back to a later one, is what makes a feature impossible to change or test alone.
 */
class ArchitectureTests {

    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("fakes")) // the loopback test servers' module
            .importPackages("dev.rekindle");

    /**
     * The flow, lowest first; a layer may use the ones before it, never one after it. Read from the code:
     * the contact rules (guard) and the registry of installed channels are consulted by planning, rendering
     * and delivery alike, so they sit below planning; metrics (RFM, retention) feed segments and predictions;
     * a campaign drives plan → render → guard → deliver for one occasion, so it sits above delivery.
     */
    static final Map<String, List<String>> LAYERS = new LinkedHashMap<>();

    static {
        LAYERS.put("base", List.of("api", "i18n", "console", "shop", "store", "filter"));
        LAYERS.put("import", List.of("customer", "products", "place", "imports"));
        LAYERS.put("segment", List.of("metrics", "segment", "predict"));
        LAYERS.put("channels and rules", List.of("plugin", "channel", "guard"));
        LAYERS.put("plan", List.of("strategy"));
        LAYERS.put("render", List.of("template"));
        LAYERS.put("deliver", List.of("delivery"));
        LAYERS.put("campaign", List.of("campaign"));
        LAYERS.put("measure", List.of("report"));
        LAYERS.put("entry points", List.of("shell", "status", "demo", "settings"));
    }

    @Test
    void topLevelPackagesHaveNoCycles() {
        slices().matching("dev.rekindle.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void featuresDoNotDependOnTheShell() {
        noClasses().that().resideOutsideOfPackages("dev.rekindle.shell..", "dev.rekindle")
                .should().dependOnClassesThat().resideInAPackage("dev.rekindle.shell..")
                .because("commands share what they need through dev.rekindle.console; the shell runs them and knows none")
                .check(MAIN);
    }

    @Test
    void theFlowNeverPointsBackwards() {
        LayeredArchitecture layers = com.tngtech.archunit.library.Architectures.layeredArchitecture()
                .consideringOnlyDependenciesInLayers();
        List<String> names = List.copyOf(LAYERS.keySet());
        for (String name : names) {
            layers = layers.layer(name).definedBy(LAYERS.get(name).stream().map(p -> "dev.rekindle." + p + "..")
                    .toArray(String[]::new));
        }
        for (int i = 0; i < names.size() - 1; i++) {
            String[] later = names.subList(i + 1, names.size()).toArray(String[]::new);
            layers = layers.whereLayer(names.get(i)).mayOnlyBeAccessedByLayers(later);
        }
        layers.whereLayer(names.get(names.size() - 1)).mayNotBeAccessedByAnyLayer().check(MAIN);
    }

    @Test
    void everyTopLevelPackageHasALayer() {
        List<String> placed = LAYERS.values().stream().flatMap(List::stream).toList();
        List<String> unplaced = MAIN.stream().map(c -> c.getPackageName())
                .filter(p -> p.startsWith("dev.rekindle."))
                .map(p -> p.substring("dev.rekindle.".length()).split("\\.")[0])
                .distinct().filter(p -> !placed.contains(p)).sorted().toList();
        org.assertj.core.api.Assertions.assertThat(unplaced)
                .as("packages missing from ArchitectureTests.LAYERS (a new package must be placed in the flow)")
                .isEmpty();
    }
}
