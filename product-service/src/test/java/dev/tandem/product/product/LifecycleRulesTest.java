package dev.tandem.product.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import dev.tandem.platform.domain.DomainException;
import dev.tandem.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The product rules, without Quarkus. */
class LifecycleRulesTest {

    private static Product product() {
        return Product.create("chk", "Checkout", "Pay fast.", List.of("SMB"), "ana");
    }

    @Test
    void forwardOnlyWithSkipsAndNothingAfterRetired() {
        assertEquals(List.of(LifecycleStage.DEVELOPMENT, LifecycleStage.LAUNCHED, LifecycleStage.GROWTH,
                LifecycleStage.MATURITY, LifecycleStage.DECLINE, LifecycleStage.RETIRED),
                LifecycleStage.CONCEPT.allowedNext());
        assertEquals(List.of(LifecycleStage.DECLINE, LifecycleStage.RETIRED), LifecycleStage.MATURITY.allowedNext());
        assertEquals(List.of(), LifecycleStage.RETIRED.allowedNext());
        assertTrue(LifecycleStage.CONCEPT.canMoveTo(LifecycleStage.GROWTH), "skipping is allowed");
        assertFalse(LifecycleStage.GROWTH.canMoveTo(LifecycleStage.LAUNCHED), "backwards is not");
        assertFalse(LifecycleStage.GROWTH.canMoveTo(LifecycleStage.GROWTH), "staying is not a move");
    }

    @ParameterizedTest
    @EnumSource(value = LifecycleStage.class, names = "RETIRED", mode = EnumSource.Mode.EXCLUDE)
    void retiredIsReachableFromEveryStage(LifecycleStage stage) {
        assertTrue(stage.canMoveTo(LifecycleStage.RETIRED));
    }

    @Test
    void aMoveIsRecordedWithWhoWhyFromAndTo() {
        Product p = product();
        Instant now = Instant.parse("2026-11-22T10:00:00.123456789Z");
        LifecycleChange c = p.moveTo(LifecycleStage.LAUNCHED, "MVP shipped", "ana", null, now);
        assertEquals(LifecycleStage.LAUNCHED, p.lifecycleStage());
        assertEquals(LifecycleStage.CONCEPT, c.from());
        assertEquals(LifecycleStage.LAUNCHED, c.to());
        assertEquals("MVP shipped", c.reason());
        assertEquals("ana", c.changedBy());
        assertEquals(Instant.parse("2026-11-22T10:00:00.123456Z"), c.changedAt());
        assertEquals(p.id(), c.productId());
    }

    @Test
    void aRefusedMoveNamesTheAllowedStagesAndChangesNothing() {
        Product p = product();
        p.moveTo(LifecycleStage.MATURITY, "why", "ana", null, Instant.now());
        DomainException e = assertThrows(DomainException.class,
                () -> p.moveTo(LifecycleStage.GROWTH, "back", "ana", null, Instant.now()));
        assertEquals(DomainException.Kind.CONFLICT, e.kind());
        assertTrue(e.getMessage().endsWith("allowed: DECLINE, RETIRED"), e.getMessage());
        assertEquals(LifecycleStage.MATURITY, p.lifecycleStage());

        p.moveTo(LifecycleStage.RETIRED, "end", "ana", null, Instant.now());
        DomainException last = assertThrows(DomainException.class,
                () -> p.moveTo(LifecycleStage.DECLINE, "again", "ana", null, Instant.now()));
        assertTrue(last.getMessage().contains("none (RETIRED is final)"), last.getMessage());
    }

    @Test
    void deletableOnlyInConceptWithNothingLinked() {
        Product p = product();
        p.requireDeletable(0, 0, 0, 0);
        DomainException linked = assertThrows(DomainException.class, () -> p.requireDeletable(2, 0, 0, 0));
        assertEquals(DomainException.Kind.CONFLICT, linked.kind());
        assertTrue(linked.getMessage().contains("2 feature(s) linked"));
        DomainException all = assertThrows(DomainException.class, () -> p.requireDeletable(1, 1, 1, 3));
        assertEquals(java.util.List.of("features", "objectives", "releases", "feedback"),
                all.issues().stream().map(DomainException.FieldIssue::field).toList());
        assertTrue(all.getMessage().contains("3 feedback item(s) filed against it"), all.getMessage());
        p.moveTo(LifecycleStage.DEVELOPMENT, "go", "ana", null, Instant.now());
        DomainException stage = assertThrows(DomainException.class, () -> p.requireDeletable(0, 0, 0, 0));
        assertTrue(stage.getMessage().contains("only a product in CONCEPT can be deleted"));
    }

    @Test
    void updateChangesOnlyWhatIsGivenAndSaysWhetherAnythingChanged() {
        Product p = product();
        Instant later = Instant.now().plusSeconds(60);
        assertFalse(p.update(null, null, null, null, later));
        assertFalse(p.update("Checkout", "Pay fast.", List.of("SMB"), "ana", later), "same values are no change");
        assertTrue(p.update(" Pay ", null, null, "", later));
        assertEquals("Pay", p.name());
        assertEquals("Pay fast.", p.vision());
        assertEquals(null, p.owner(), "an empty owner clears it");
        assertEquals(later.truncatedTo(java.time.temporal.ChronoUnit.MICROS), p.updatedAt());
    }

    @Test
    void sortsParseAndAnUnknownOneIsNamed() {
        assertEquals(ProductSort.CREATED_AT, ProductSort.parse(null));
        assertEquals(ProductSort.CREATED_AT_DESC, ProductSort.parse("-createdAt"));
        assertEquals(ProductSort.NAME, ProductSort.parse("name"));
        // a query parameter, refused by the web layer (not a domain rule)
        ProblemException e = assertThrows(ProblemException.class, () -> ProductSort.parse("price"));
        assertEquals("sort", e.problem().errors().get(0).field());
    }

    @Test
    void likeWildcardsInTheSearchTextAreLiteral() {
        assertEquals("50!%!_off!!", Product.likeEscape("50%_off!"));
    }
}
