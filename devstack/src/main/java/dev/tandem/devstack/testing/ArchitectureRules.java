package dev.tandem.devstack.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.conditions.ArchConditions;

/**
 * The architecture rules the build enforces (ArchUnit): each module's {@code ArchitectureTest} checks its own
 * production classes with the rules that apply to it. Written down in docs/architecture.md.
 */
public final class ArchitectureRules {

    /** Packages whose types speak HTTP: JAX-RS, Vert.x web, the platform's problem and web mechanisms. */
    private static final String[] HTTP = {"jakarta.ws.rs..", "org.jboss.resteasy..", "io.vertx.ext.web..",
            "dev.tandem.platform.problem..", "dev.tandem.platform.web.."};

    /** The services and the gateway: what the platform must not know. */
    private static final String[] SERVICES = {"dev.tandem.product..", "dev.tandem.project..",
            "dev.tandem.feedback..", "dev.tandem.gateway..", "dev.tandem.devstack.."};

    /** Words of the domain the platform must not name: it serves every service alike. */
    private static final List<String> DOMAIN_WORDS = List.of("Product", "Feature", "Objective", "Release",
            "Project", "Task", "Milestone", "Risk", "Program", "Feedback", "Customer", "Nps", "Survey", "Comment");

    private ArchitectureRules() {
    }

    /** The production classes under {@code rootPackage} (the module's own; tests and jars left out). */
    public static JavaClasses productionClasses(String rootPackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(rootPackage);
    }

    /**
     * No cycle between the packages under {@code rootPackage} (e.g. {@code dev.tandem.project}): each package is a
     * slice of its own, a sub-package too (a feature's {@code api} package may depend on the feature, never the
     * reverse).
     */
    public static ArchRule noCyclesBetweenPackages(String rootPackage) {
        return slices().matching(rootPackage + ".(**)").should().beFreeOfCycles()
                .because("a package depends on another or is depended on by it, never both (docs/architecture.md)");
    }

    /** Entities and the domain's rule classes know nothing of HTTP: they throw DomainException. */
    public static ArchRule domainSpeaksNoHttp() {
        return noClasses().that().areAnnotatedWith("jakarta.persistence.Entity")
                .or().haveSimpleNameEndingWith("Rules")
                .should().dependOnClassesThat().resideInAnyPackage(HTTP)
                .because("a refusal of the domain is a DomainException, which the platform maps to problem+json");
    }

    /** A resource never calls another: what two share lives in an application service or the domain. */
    public static ArchRule resourcesDoNotCallEachOther() {
        DescribedPredicate<JavaClass> resource = new DescribedPredicate<>("a JAX-RS resource") {
            @Override
            public boolean test(JavaClass c) {
                return c.isAnnotatedWith("jakarta.ws.rs.Path") && !c.getSimpleName().contains("$");
            }
        };
        return noClasses().that(resource).should().dependOnClassesThat(resource)
                .because("resources only translate HTTP; shared rules and queries live below them");
    }

    /** The platform imports no service, the gateway or the devstack. */
    public static ArchRule platformImportsNoService() {
        return noClasses().that().resideInAPackage("dev.tandem.platform..")
                .should().dependOnClassesThat().resideInAnyPackage(SERVICES)
                .because("the platform holds mechanisms every service shares, and knows none of them");
    }

    /** The platform names no domain: no class of it is called after a thing of the domain. */
    public static ArchRule platformNamesNoDomain() {
        DescribedPredicate<JavaClass> namedAfterTheDomain = new DescribedPredicate<>("named after the domain "
                + DOMAIN_WORDS) {
            @Override
            public boolean test(JavaClass c) {
                return DOMAIN_WORDS.stream().anyMatch(word -> c.getSimpleName().contains(word));
            }
        };
        return noClasses().that().resideInAPackage("dev.tandem.platform..").should(ArchConditions.be(namedAfterTheDomain))
                .because("the platform's mechanisms serve every service alike");
    }

    /**
     * One clock: no code reads the system's time itself ({@code Instant.now()}, {@code LocalDate.now()},
     * {@code Clock.systemUTC()}, …) but through the platform's {@code Now} or the service's {@code Clock} bean, so a
     * test that sets the clock sets it for all of the service.
     */
    public static ArchRule oneClock() {
        return noClasses().that().resideOutsideOfPackage("dev.tandem.platform.time..")
                .should().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(OffsetDateTime.class, "now")
                .orShould().callMethod(ZonedDateTime.class, "now")
                .orShould().callMethod(Clock.class, "systemUTC")
                .orShould().callMethod(Clock.class, "systemDefaultZone")
                .because("every \"now\" of a service comes from its one clock (platform.time.Now and the Clock bean)");
    }
}
