package io.visutility;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.visutility.retrain.RetrainPipeline;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Pins the shape of core: no adapter or heavy dependency, and implementation kept in documented internal packages. */
class ArchitectureTest {
    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.visutility");
        assertThat(core.contain(RetrainPipeline.class)).isTrue();
        assertThat(core.contain(ArchitectureTest.class)).isFalse();
    }

    @Test
    void coreDependsOnNoAdapterAndNoHeavyLibrary() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "ml.dmlc..", "io.javalin..", "org.apache.kafka..", "java.sql..", "javax.sql..",
                        "org.sqlite..", "org.postgresql..", "org.flywaydb..", "org.jdbi..", "picocli..",
                        "io.micrometer..", "io.visutility.server..", "io.visutility.xgboost..",
                        "io.visutility.store..", "io.visutility.kafka..")
                .because("users embed core without a database, a broker, a web server or a native library")
                .check(core);
    }

    @Test
    void apiPackagesReachOnlyTheirOwnInternalPackage() {
        classes().that().resideOutsideOfPackage("..internal..").should(useOnlyTheirOwnInternals())
                .because("an internal package is the private implementation behind its own package's factories")
                .check(core);
    }

    @Test
    void everyInternalPackageHasAPackageInfo() {
        Set<String> internal = new TreeSet<>();
        core.forEach(c -> {
            if (c.getPackageName().endsWith(".internal")) {
                internal.add(c.getPackageName());
            }
        });
        assertThat(internal).contains("io.visutility.bus.internal", "io.visutility.registry.internal");

        List<String> missing = internal.stream()
                .filter(name -> core.getPackage(name).tryGetPackageInfo().isEmpty()).toList();
        assertThat(missing).as("internal packages without a package-info saying they are unsupported").isEmpty();
    }

    private static ArchCondition<JavaClass> useOnlyTheirOwnInternals() {
        return new ArchCondition<>("use no internal package but their own package's") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    String target = dependency.getTargetClass().getPackageName();
                    int at = target.indexOf(".internal");
                    if (target.startsWith("io.visutility.") && at >= 0
                            && !target.substring(0, at).equals(origin.getPackageName())) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }
}
