package dev.tandem.devstack.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dev.tandem.devstack.demo.DemoDataSet.FeatureSpec;
import dev.tandem.devstack.demo.DemoDataSet.FeedbackSpec;
import dev.tandem.devstack.demo.DemoDataSet.ProjectSpec;
import dev.tandem.devstack.demo.DemoDataSet.TaskSpec;
import dev.tandem.devstack.demo.DemoDataSet.TimeSpec;
import org.junit.jupiter.api.Test;

class DemoDataSetTest {

    private static final Instant NOW = Instant.parse("2026-11-22T07:00:00Z");
    private static final LocalDate TODAY = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
    private static final DemoDataSet DATA = DemoDataSet.generate(DemoDataSet.DEFAULT_SEED, NOW);
    private static final Set<String> SOURCES = Set.of("SUPPORT", "SURVEY", "INTERVIEW", "SALES", "IN_APP", "SOCIAL",
            "OTHER");

    @Test
    void theSameSeedAndDayGiveTheSameDataAndAnotherSeedOtherData() {
        assertEquals(DATA, DemoDataSet.generate(DemoDataSet.DEFAULT_SEED, NOW));
        DemoDataSet other = DemoDataSet.generate(1L, NOW);
        assertNotEquals(DATA.feedback(), other.feedback());
        assertEquals(DATA.feedback().size(), other.feedback().size());
    }

    @Test
    void threeProductsAtDifferentLifecycleStagesWithObjectivesAndMeasurements() {
        assertEquals(List.of("CHK", "INS", "MOB"), DATA.products().stream().map(p -> p.key()).toList());
        Set<String> finalStages = DATA.products().stream()
                .map(p -> p.lifecycle().get(p.lifecycle().size() - 1).stage()).collect(Collectors.toSet());
        assertEquals(Set.of("GROWTH", "LAUNCHED", "DEVELOPMENT"), finalStages);
        DATA.products().forEach(p -> {
            assertFalse(p.vision().isBlank());
            assertFalse(p.segments().isEmpty());
            assertFalse(p.objectives().isEmpty(), p.key());
            p.objectives().forEach(o -> {
                assertTrue(o.period().matches("\\d{4}-Q[1-4]"), o.period());
                o.keyResults().forEach(kr -> {
                    assertTrue(kr.measurements().size() >= 3, kr.metric());
                    kr.measurements().forEach(m -> assertTrue(m.measuredAt().isBefore(NOW), kr.metric()));
                    int cmp = kr.target().compareTo(kr.baseline());
                    assertTrue("INCREASE".equals(kr.direction()) ? cmp >= 0 : cmp <= 0, kr.metric());
                });
            });
        });
        assertEquals("2026-Q4", DATA.products().get(0).objectives().get(0).period());
    }

    @Test
    void thirtyFeaturesSpreadOverEveryStatusWithRiceInputs() {
        List<FeatureSpec> features = DATA.features();
        assertEquals(30, features.size());
        Map<String, Long> byStatus = features.stream()
                .collect(Collectors.groupingBy(FeatureSpec::status, Collectors.counting()));
        assertEquals(Set.of("IDEA", "CANDIDATE", "PLANNED", "COMMITTED", "IN_DELIVERY", "RELEASED", "REJECTED"),
                byStatus.keySet());
        assertTrue(byStatus.get("IDEA") >= 5 && byStatus.get("CANDIDATE") >= 5 && byStatus.get("PLANNED") >= 5,
                byStatus.toString());
        assertEquals(30, features.stream().map(FeatureSpec::ref).distinct().count());
        features.forEach(f -> {
            assertTrue(f.reach() > 0 && f.confidence() > 0 && f.confidence() <= 100, f.ref());
            assertTrue(Set.of("0.25", "0.5", "1", "2", "3").contains(f.impact().toPlainString()), f.ref());
            assertTrue(f.effort().signum() > 0, f.ref());
            assertEquals("REJECTED".equals(f.status()), f.rejectionReason() != null, f.ref());
        });
    }

    @Test
    void sixtyCustomersAcrossSegmentsTiersAndCurrencies() {
        assertEquals(60, DATA.customers().size());
        assertEquals(60, DATA.customers().stream().map(c -> c.externalCrmId()).distinct().count());
        assertEquals(60, DATA.customers().stream().map(c -> c.name()).distinct().count());
        assertEquals(Set.of("SMB", "Mid-market", "Enterprise", "Public sector"),
                DATA.customers().stream().map(c -> c.segment()).collect(Collectors.toSet()));
        assertEquals(Set.of("STARTER", "GROWTH", "ENTERPRISE"),
                DATA.customers().stream().map(c -> c.tier()).collect(Collectors.toSet()));
        Set<String> currencies = DATA.customers().stream().map(c -> c.currency()).filter(c -> c != null)
                .collect(Collectors.toSet());
        assertTrue(currencies.size() >= 4, currencies.toString());
        assertEquals(2, DATA.customers().stream().filter(c -> c.revenue() == null).count(),
                "two prospects without a revenue");
        DATA.customers().forEach(c -> assertTrue(c.contactEmail().matches(".+@.+\\..+"), c.contactEmail()));
    }

    @Test
    void aThousandFeedbackItemsFromEverySourceForEveryProduct() {
        assertEquals(1000, DATA.feedback().size());
        for (String product : List.of("CHK", "INS", "MOB")) {
            assertEquals(SOURCES, DATA.feedback().stream().filter(f -> f.productKey().equals(product))
                    .map(FeedbackSpec::source).collect(Collectors.toSet()), product);
        }
        Set<String> identities = new HashSet<>();
        for (FeedbackSpec f : DATA.feedback()) {
            assertTrue(identities.add(f.source() + "/" + f.externalReference()), "duplicate " + f.externalReference());
            assertTrue(f.title().length() <= 200 && !f.title().isBlank(), f.title());
            assertTrue(f.text().length() <= 20_000 && !f.text().isBlank());
            assertFalse(f.text().contains("{") || f.title().contains("null"), f.text());
            assertTrue(f.receivedAt().isBefore(NOW), f.externalReference());
            assertTrue(f.customer() >= 0 && f.customer() < DATA.customers().size());
        }
        Map<String, Long> bySentiment = DATA.feedback().stream()
                .collect(Collectors.groupingBy(FeedbackSpec::sentiment, Collectors.counting()));
        assertEquals(Set.of("negative", "neutral", "positive"), bySentiment.keySet());
        assertTrue(DATA.feedback().stream().map(FeedbackSpec::customer).distinct().count() >= 50,
                "most customers said something");
    }

    @Test
    void linksGoToLiveFeaturesOfTheSameProductAtEveryImportance() {
        List<FeedbackSpec> linked = DATA.feedback().stream().filter(f -> f.importance() != null).toList();
        assertTrue(linked.size() >= 200 && linked.size() <= 400, "links: " + linked.size());
        assertEquals(Set.of("NICE_TO_HAVE", "IMPORTANT", "CRITICAL"),
                linked.stream().map(FeedbackSpec::importance).collect(Collectors.toSet()));
        for (FeedbackSpec f : linked) {
            FeatureSpec feature = DATA.feature(f.featureRef());
            assertEquals(f.productKey(), feature.productKey(), f.externalReference());
            assertNotEquals("REJECTED", feature.status());
            assertEquals(null, f.status(), "a linked item's status follows from the link");
        }
        // every project's feature has demand, so the backlog and the released feature's loop show something
        for (ProjectSpec p : DATA.projects()) {
            assertTrue(linked.stream().filter(f -> f.featureRef().equals(p.featureRef())).count() >= 5, p.key());
        }
        Set<String> moved = DATA.feedback().stream().map(FeedbackSpec::status).filter(s -> s != null)
                .collect(Collectors.toSet());
        assertEquals(Set.of("TRIAGED", "ARCHIVED", "SPAM"), moved);
    }

    @Test
    void votesDiscussionsAndNpsAnswersAreConsistent() {
        assertEquals(40, DATA.votes().size());
        assertEquals(40, DATA.votes().stream().map(v -> v.featureRef() + "/" + v.customer()).distinct().count(),
                "one vote per customer and feature");
        DATA.votes().forEach(v -> assertTrue(Set.of("IDEA", "CANDIDATE", "PLANNED")
                .contains(DATA.feature(v.featureRef()).status())));

        Set<String> identities = DATA.feedback().stream().map(f -> f.source() + "/" + f.externalReference())
                .collect(Collectors.toSet());
        assertTrue(DATA.discussions().size() >= 30);
        Set<String> disciplines = new TreeSet<>();
        DATA.discussions().forEach(d -> {
            assertTrue(identities.contains(d.source() + "/" + d.externalReference()));
            assertTrue(d.comments().size() >= 2 && d.comments().size() <= 4);
            d.comments().forEach(c -> disciplines.add(c.discipline()));
        });
        assertEquals(Set.of("PRODUCT", "PROJECT", "ENGINEERING", "DESIGN", "SUPPORT", "SALES", "MARKETING"),
                disciplines);

        assertEquals(2, DATA.surveys().size());
        DATA.surveys().forEach(s -> {
            assertTrue(s.opensAt().isBefore(NOW) && s.closesAt().isAfter(NOW), "open now");
            assertEquals(s.answers().size(), s.answers().stream().map(a -> a.customer()).distinct().count());
            s.answers().forEach(a -> assertTrue(a.score() >= 0 && a.score() <= 10));
            Set<String> categories = s.answers().stream()
                    .map(a -> a.score() >= 9 ? "promoter" : a.score() >= 7 ? "passive" : "detractor")
                    .collect(Collectors.toSet());
            assertEquals(Set.of("promoter", "passive", "detractor"), categories, s.productKey());
        });
    }

    @Test
    void fiveProjectsOneForEachCommittedFeatureAcrossHealthStates() {
        List<ProjectSpec> projects = DATA.projects();
        assertEquals(5, projects.size());
        Set<String> committed = DATA.features().stream()
                .filter(f -> Set.of("COMMITTED", "IN_DELIVERY", "DELIVERED", "RELEASED").contains(f.status()))
                .map(FeatureSpec::ref).collect(Collectors.toSet());
        assertEquals(committed, projects.stream().map(ProjectSpec::featureRef).collect(Collectors.toSet()),
                "project-service proposes one project per committed feature");
        assertEquals(Set.of("GREEN", "AMBER", "RED"),
                projects.stream().map(ProjectSpec::expectedHealth).collect(Collectors.toSet()));
        assertEquals(Set.of("APPROVED", "ACTIVE", "COMPLETED"),
                projects.stream().map(ProjectSpec::finalStatus).collect(Collectors.toSet()));
        Set<String> programs = DATA.programs().stream().map(p -> p.key()).collect(Collectors.toSet());
        projects.forEach(p -> {
            assertTrue(programs.contains(p.programKey()), p.key());
            assertTrue(p.key().matches("^[A-Za-z][A-Za-z0-9]{1,9}$"), p.key());
        });
        assertEquals(5, projects.stream().map(ProjectSpec::key).distinct().count());
    }

    @Test
    void eachProjectsNumbersGiveItsIntendedHealth() {
        BigDecimal amber = new BigDecimal("0.95");
        for (ProjectSpec p : DATA.projects()) {
            BigDecimal[] cpiSpi = p.plannedIndices(TODAY);
            boolean overBudget = p.actualCost().compareTo(p.budget()) > 0;
            boolean overdue = p.milestones().stream().anyMatch(m -> m.reachedAt() == null && m.dueDate().isBefore(TODAY));
            boolean indicesFine = (cpiSpi[0] == null || cpiSpi[0].compareTo(amber) >= 0)
                    && (cpiSpi[1] == null || cpiSpi[1].compareTo(amber) >= 0);
            switch (p.expectedHealth()) {
                case "RED" -> assertTrue(overBudget, p.key() + " spends more than its budget");
                case "AMBER" -> {
                    assertTrue(overdue, p.key() + " has an overdue milestone");
                    assertTrue(indicesFine && !overBudget, p.key() + " is otherwise on cost and time");
                }
                default -> {
                    assertFalse(overdue || overBudget, p.key());
                    assertTrue(indicesFine, p.key() + " CPI " + cpiSpi[0] + " SPI " + cpiSpi[1]);
                }
            }
        }
    }

    @Test
    void tasksTimeAndMilestonesAreValidForProjectService() {
        for (ProjectSpec p : DATA.projects()) {
            assertFalse(p.plannedEnd().isBefore(p.plannedStart()), p.key());
            Set<String> earlier = new HashSet<>();
            Set<String> members = p.members().stream().map(m -> m.personId()).collect(Collectors.toSet());
            for (TaskSpec t : p.tasks()) {
                assertTrue(earlier.containsAll(t.dependsOn()), p.key() + "/" + t.ref() + " depends on later tasks");
                earlier.add(t.ref());
                assertTrue(members.contains(t.assignee()), t.assignee());
                assertTrue(t.remaining().compareTo(t.estimate()) <= 0 && t.remaining().signum() >= 0, t.ref());
                assertFalse(t.plannedEnd().isBefore(t.plannedStart()), t.ref());
                assertEquals("BLOCKED".equals(t.status()), t.blockedReason() != null, t.ref());
            }
            for (TimeSpec t : p.time()) {
                assertTrue(members.contains(t.personId()) && earlier.contains(t.taskRef()));
                assertTrue(t.date().isBefore(TODAY) && !t.date().isBefore(p.plannedStart()), t.date().toString());
                assertTrue(t.hours().signum() > 0 && t.hours().compareTo(BigDecimal.valueOf(8)) <= 0);
            }
            p.milestones().forEach(m -> {
                if (m.reachedAt() != null) {
                    assertTrue(m.reachedAt().isBefore(NOW));
                }
            });
            if ("APPROVED".equals(p.finalStatus())) {
                assertTrue(p.time().isEmpty() && p.expenses().isEmpty(), "a project not started has no costs");
                assertTrue(p.plannedStart().isAfter(TODAY));
            } else {
                assertTrue(p.plannedStart().isBefore(TODAY), "baseline in the past");
            }
            if ("COMPLETED".equals(p.finalStatus())) {
                assertTrue(p.tasks().stream().allMatch(t -> "DONE".equals(t.status())));
            }
        }
    }

    @Test
    void theReleasedReleaseHoldsOnlyTheDeliveredFeatureAndPlannedOnesHoldPlannedFeatures() {
        assertEquals(1, DATA.releases().stream().filter(r -> r.released()).count());
        DATA.releases().forEach(r -> r.featureRefs().forEach(ref -> {
            FeatureSpec f = DATA.feature(ref);
            assertEquals(r.productKey(), f.productKey());
            assertEquals(r.released() ? "RELEASED" : "PLANNED", f.status(), ref);
        }));
        assertNotNull(DATA.feature("CHK-WALLETPAY"));
    }

    @Test
    void thePivotRestsOnFeedbackAndAMeasurementOfItsProduct() {
        assertEquals(1, DATA.pivots().size());
        DemoDataSet.PivotSpec pivot = DATA.pivots().get(0);
        assertTrue(pivot.feedbackEvidence().size() >= 2);
        pivot.feedbackEvidence().forEach(f -> assertEquals(pivot.productKey(), f.productKey()));
        DemoDataSet.ProductSpec product = DATA.products().stream().filter(p -> p.key().equals(pivot.productKey()))
                .findFirst().orElseThrow();
        assertTrue(product.objectives().stream().flatMap(o -> o.keyResults().stream())
                .anyMatch(kr -> kr.metric().equals(pivot.measuredMetric()) && !kr.measurements().isEmpty()));
        assertNotEquals(product.vision(), pivot.vision());
    }

    @Test
    void demoIsSkippedOnlyWhenSwitchedOff() {
        assertTrue(DemoData.disabled(Map.of("TANDEM_DEMO", "false")));
        assertTrue(DemoData.disabled(Map.of("TANDEM_DEMO", " OFF ")));
        assertTrue(DemoData.disabled(Map.of("TANDEM_DEMO", "0")));
        assertFalse(DemoData.disabled(Map.of()));
        assertFalse(DemoData.disabled(Map.of("TANDEM_DEMO", "true")));
    }
}
