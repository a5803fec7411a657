package dev.tandem.devstack.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import dev.tandem.devstack.demo.DemoVocabulary.FeatureIdea;
import dev.tandem.devstack.demo.DemoVocabulary.ProductIdea;

/**
 * The demo data, generated before anything is sent: pure and deterministic — the same seed and the same day give
 * the same data set (dates are relative to {@code now}, so a project's baseline is always "started a month ago").
 * {@link DemoLoader} sends it through the gateway. The words come from {@link DemoVocabulary}.
 */
public record DemoDataSet(
        List<ProductSpec> products,
        List<CustomerSpec> customers,
        List<FeedbackSpec> feedback,
        List<VoteSpec> votes,
        List<DiscussionSpec> discussions,
        List<SurveySpec> surveys,
        List<ReleaseSpec> releases,
        List<PivotSpec> pivots,
        List<ProgramSpec> programs,
        List<ProjectSpec> projects) {

    public static final long DEFAULT_SEED = 20261122L;
    public static final int FEEDBACK_ITEMS = 1000;
    public static final int CUSTOMERS = 60;

    // ------------------------------------------------------------------------------------------------ the records

    public record ProductSpec(String key, String name, String vision, List<String> segments, String owner,
                              List<StageMove> lifecycle, List<ObjectiveSpec> objectives, List<FeatureSpec> features) {
    }

    public record StageMove(String stage, String reason, String changedBy) {
    }

    public record ObjectiveSpec(String title, String description, String period, List<KeyResultSpec> keyResults) {
    }

    public record KeyResultSpec(String metric, String unit, BigDecimal baseline, BigDecimal target, String direction,
                                List<MeasurementSpec> measurements) {
    }

    public record MeasurementSpec(BigDecimal value, Instant measuredAt, String source) {
    }

    /**
     * A feature and the status it ends in. {@code ref} names it within the data set (feedback, releases and projects
     * refer to it). Features with a project are first moved to PLANNED; the loader commits them when it runs their
     * project (which project-service proposes from {@code feature.committed}), and the project moves them on.
     */
    public record FeatureSpec(String ref, String productKey, String title, String problem, long reach,
                              BigDecimal impact, int confidence, BigDecimal effort, String status,
                              String rejectionReason, int popularity, FeatureIdea idea) {
    }

    public record CustomerSpec(String externalCrmId, String name, String segment, String tier, BigDecimal revenue,
                               String currency, String contactEmail) {
    }

    /**
     * One imported feedback item; {@code customer} indexes {@link DemoDataSet#customers()}. When {@code featureRef}
     * and {@code importance} are set the loader links it; {@code status} is where an unlinked item is moved (null:
     * it stays NEW).
     */
    public record FeedbackSpec(String source, String externalReference, int customer, String productKey,
                               String title, String text, Instant receivedAt, List<String> tags, String owner,
                               String sentiment, String featureRef, String importance, String status) {
    }

    public record VoteSpec(int customer, String featureRef, String importance, String comment) {
    }

    /** Comments on the imported item with {@code externalReference} (of {@code source}). */
    public record DiscussionSpec(String source, String externalReference, List<CommentSpec> comments) {
    }

    public record CommentSpec(String author, String discipline, String text) {
    }

    public record SurveySpec(String productKey, String question, Instant opensAt, Instant closesAt,
                             List<AnswerSpec> answers) {
    }

    public record AnswerSpec(int customer, int score, String comment) {
    }

    /** A release; {@code released} ones are released by the loader once their features are DELIVERED. */
    public record ReleaseSpec(String productKey, String name, String description, LocalDate targetDate,
                              List<String> featureRefs, boolean released) {
    }

    public record ProgramSpec(String key, String name, String description, String owner) {
    }

    /**
     * A pivot of a product, with its evidence: imported feedback items (source/externalReference) and the latest
     * measurement of the key result named {@code measuredMetric}.
     */
    public record PivotSpec(String productKey, String vision, String rationale, String pivotedBy,
                            List<FeedbackSpec> feedbackEvidence, String measuredMetric) {
    }

    /**
     * The project proposed for {@code featureRef}, renamed and planned; {@code finalStatus} is APPROVED, ACTIVE or
     * COMPLETED. The numbers are chosen so that its health comes out as {@code expectedHealth} (see
     * {@link #plannedIndices(LocalDate)}).
     */
    public record ProjectSpec(String featureRef, String key, String name, String programKey, String manager,
                              String currency, BigDecimal budget, LocalDate plannedStart, LocalDate plannedEnd,
                              List<MemberSpec> members, List<TaskSpec> tasks, List<MilestoneSpec> milestones,
                              List<TimeSpec> time, List<ExpenseSpec> expenses, String finalStatus,
                              String expectedHealth) {

        /** Σ estimate hours and Σ done hours of the tasks (DONE counts in full). */
        BigDecimal estimateHours() {
            return tasks.stream().map(TaskSpec::estimate).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        BigDecimal doneHours() {
            return tasks.stream().map(TaskSpec::doneHours).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        /** Σ hours × the member's rate + Σ expenses. */
        BigDecimal actualCost() {
            Map<String, BigDecimal> rates = new LinkedHashMap<>();
            members.forEach(m -> rates.put(m.personId(), m.hourlyRate()));
            BigDecimal cost = BigDecimal.ZERO;
            for (TimeSpec t : time) {
                cost = cost.add(t.hours().multiply(rates.get(t.personId())));
            }
            for (ExpenseSpec e : expenses) {
                cost = cost.add(e.amount());
            }
            return cost;
        }

        /**
         * CPI and SPI as project-service computes them ({@code EarnedValue}) on {@code today}; null where undefined.
         * Used by the generator's tests to keep each project's intended health.
         */
        BigDecimal[] plannedIndices(LocalDate today) {
            long total = ChronoUnit.DAYS.between(plannedStart, plannedEnd) + 1;
            long elapsed = Math.max(0, Math.min(total, ChronoUnit.DAYS.between(plannedStart, today)));
            BigDecimal pv = budget.multiply(BigDecimal.valueOf(elapsed)).divide(BigDecimal.valueOf(total), 2,
                    RoundingMode.HALF_UP);
            BigDecimal ev = budget.multiply(doneHours()).divide(estimateHours(), 2, RoundingMode.HALF_UP);
            BigDecimal ac = actualCost();
            BigDecimal cpi = ac.signum() == 0 ? null : ev.divide(ac, 4, RoundingMode.HALF_UP);
            BigDecimal spi = pv.signum() == 0 ? null : ev.divide(pv, 4, RoundingMode.HALF_UP);
            return new BigDecimal[] {cpi, spi};
        }
    }

    public record MemberSpec(String personId, String role, int allocationPercent, BigDecimal hourlyRate) {
    }

    /** A task; {@code remaining} is what is left of the estimate (0 for DONE); {@code dependsOn} names task refs. */
    public record TaskSpec(String ref, String title, BigDecimal estimate, BigDecimal remaining, String assignee,
                           LocalDate plannedStart, LocalDate plannedEnd, List<String> dependsOn, String status,
                           String blockedReason) {

        BigDecimal doneHours() {
            return "DONE".equals(status) ? estimate : estimate.subtract(remaining);
        }
    }

    /** A milestone; reached at {@code reachedAt} when set. */
    public record MilestoneSpec(String name, LocalDate dueDate, Instant reachedAt) {
    }

    public record TimeSpec(String personId, String taskRef, LocalDate date, BigDecimal hours, String note) {
    }

    public record ExpenseSpec(BigDecimal amount, String category, LocalDate date, String description) {
    }

    // ------------------------------------------------------------------------------------------------ queries

    public List<FeatureSpec> features() {
        return products.stream().flatMap(p -> p.features().stream()).toList();
    }

    public FeatureSpec feature(String ref) {
        return features().stream().filter(f -> f.ref().equals(ref)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no feature " + ref));
    }

    public long linkCount() {
        return feedback.stream().filter(f -> f.importance() != null).count();
    }

    public long commentCount() {
        return discussions.stream().mapToLong(d -> d.comments().size()).sum();
    }

    // ------------------------------------------------------------------------------------------------ generation

    public static DemoDataSet generate(long seed, Instant now) {
        return new Generator(new Random(seed), now).build();
    }

    private static final class Generator {

        private final Random random;
        private final Instant now;
        private final LocalDate today;

        Generator(Random random, Instant now) {
            this.random = random;
            this.now = now.truncatedTo(ChronoUnit.SECONDS);
            this.today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        }

        DemoDataSet build() {
            List<ProductSpec> products = products();
            List<CustomerSpec> customers = customers();
            List<FeedbackSpec> feedback = feedback(products, customers);
            List<VoteSpec> votes = votes(products, customers);
            List<DiscussionSpec> discussions = discussions(feedback);
            List<SurveySpec> surveys = surveys(customers);
            return new DemoDataSet(products, customers, feedback, votes, discussions, surveys, releases(),
                    pivots(feedback), programs(), projects());
        }

        // ---------------------------------------------------------------- products, objectives, features

        private List<ProductSpec> products() {
            List<ProductSpec> out = new ArrayList<>();
            for (ProductIdea idea : DemoVocabulary.PRODUCTS) {
                List<FeatureSpec> features = new ArrayList<>();
                for (FeatureIdea f : idea.features()) {
                    features.add(new FeatureSpec(f.ref(), idea.key(), f.title(), f.problem(), f.reach(),
                            new BigDecimal(f.impact()), f.confidence(), new BigDecimal(f.effort()), f.status(),
                            f.rejectionReason(), f.popularity(), f));
                }
                out.add(new ProductSpec(idea.key(), idea.name(), idea.vision(), idea.segments(), idea.owner(),
                        idea.lifecycle(), objectives(idea.key()), features));
            }
            return out;
        }

        private String quarter(LocalDate day) {
            return day.getYear() + "-Q" + day.get(IsoFields.QUARTER_OF_YEAR);
        }

        private List<ObjectiveSpec> objectives(String productKey) {
            String current = quarter(today);
            String previous = quarter(today.minusMonths(3));
            return switch (productKey) {
                case "CHK" -> List.of(
                        new ObjectiveSpec("Make paying effortless",
                                "Fewer abandoned carts: paying should take one screen and under a minute.", current,
                                List.of(kr("Checkout conversion rate", "%", "61.5", "70", "INCREASE",
                                                "62.1", "63.4", "64.0", "65.2"),
                                        kr("Median time to pay", "seconds", "95", "45", "DECREASE",
                                                "90", "82", "77", "71"))),
                        new ObjectiveSpec("Grow repeat purchases",
                                "Customers who bought once come back and buy again, with less typing.", previous,
                                List.of(kr("Repeat purchase rate", "%", "18", "28", "INCREASE", "18.4", "19.9", "21.3"),
                                        kr("Saved cards per active customer", "cards", "0.2", "0.6", "INCREASE",
                                                "0.22", "0.27", "0.31"))));
                case "INS" -> List.of(
                        new ObjectiveSpec("Teams rely on Insights every week",
                                "Analysts and product teams open Insights weekly instead of exporting to spreadsheets.",
                                current,
                                List.of(kr("Weekly active analysts", "analysts", "1200", "2000", "INCREASE",
                                                "1260", "1335", "1410", "1388"),
                                        kr("Dashboard p95 load time", "seconds", "6.5", "2.5", "DECREASE",
                                                "6.2", "5.1", "4.8", "4.9"))));
                default -> List.of(
                        new ObjectiveSpec("A mobile app people keep",
                                "The beta proves that buyers come back to the app without being reminded.", current,
                                List.of(kr("30-day retention of beta users", "%", "0", "35", "INCREASE",
                                                "12", "19", "23"),
                                        kr("Crash-free sessions", "%", "97", "99.5", "INCREASE",
                                                "97.4", "98.1", "98.9"))));
            };
        }

        private KeyResultSpec kr(String metric, String unit, String baseline, String target, String direction,
                                 String... values) {
            List<MeasurementSpec> measurements = new ArrayList<>();
            for (int i = 0; i < values.length; i++) {
                // oldest first, three weeks apart, the last one a few days ago
                Instant at = now.minus(3 + 21L * (values.length - 1 - i), ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
                measurements.add(new MeasurementSpec(new BigDecimal(values[i]), at,
                        i % 2 == 0 ? "analytics warehouse" : "weekly metrics review"));
            }
            return new KeyResultSpec(metric, unit, new BigDecimal(baseline), new BigDecimal(target), direction,
                    measurements);
        }

        // ---------------------------------------------------------------- customers

        private List<CustomerSpec> customers() {
            List<String> first = new ArrayList<>(DemoVocabulary.COMPANY_FIRST);
            List<String> second = new ArrayList<>(DemoVocabulary.COMPANY_SECOND);
            Set<String> names = new LinkedHashSet<>();
            List<CustomerSpec> out = new ArrayList<>();
            for (int i = 0; i < CUSTOMERS; i++) {
                String segment = pick(List.of("SMB", "SMB", "SMB", "Mid-market", "Mid-market", "Enterprise",
                        "Enterprise", "Public sector"));
                String tier = switch (segment) {
                    case "Enterprise" -> "ENTERPRISE";
                    case "Mid-market" -> random.nextInt(4) == 0 ? "ENTERPRISE" : "GROWTH";
                    case "Public sector" -> random.nextBoolean() ? "GROWTH" : "ENTERPRISE";
                    default -> random.nextInt(3) == 0 ? "GROWTH" : "STARTER";
                };
                String currency = pick(List.of("EUR", "EUR", "EUR", "EUR", "USD", "USD", "USD", "GBP", "GBP", "CHF",
                        "SEK"));
                String name;
                do {
                    name = pick(first) + " " + pick(second);
                } while (!names.add(name));
                String legal = switch (currency) {
                    case "USD" -> "Inc.";
                    case "GBP" -> "Ltd";
                    case "CHF" -> "AG";
                    case "SEK" -> "AB";
                    default -> pick(List.of("GmbH", "B.V.", "SAS", "S.L."));
                };
                BigDecimal revenue = switch (tier) {
                    case "ENTERPRISE" -> BigDecimal.valueOf(180_000 + random.nextInt(120) * 10_000L);
                    case "GROWTH" -> BigDecimal.valueOf(30_000 + random.nextInt(120) * 1_000L);
                    default -> BigDecimal.valueOf(2_400 + random.nextInt(90) * 250L);
                };
                if ("SEK".equals(currency)) {
                    revenue = revenue.multiply(BigDecimal.TEN); // a krona is worth about a tenth of a euro
                }
                boolean prospect = i == 17 || i == 43; // no contract yet: no revenue, counts apart in the demand
                String slug = name.toLowerCase().replaceAll("[^a-z]+", "-");
                out.add(new CustomerSpec("CRM-" + (10_001 + i), name + " " + legal, segment, tier,
                        prospect ? null : revenue.setScale(2, RoundingMode.UNNECESSARY), prospect ? null : currency,
                        pick(List.of("buyer", "ops", "it", "finance", "hello")) + "@" + slug + ".example"));
            }
            return out;
        }

        // ---------------------------------------------------------------- feedback

        private List<FeedbackSpec> feedback(List<ProductSpec> products, List<CustomerSpec> customers) {
            // product share of the items: Checkout 50 %, Insights 30 %, Mobile 20 %
            int[] perProduct = {FEEDBACK_ITEMS / 2, FEEDBACK_ITEMS * 3 / 10, FEEDBACK_ITEMS / 5};
            List<String> sources = DemoVocabulary.SOURCE_WEIGHTS;
            Map<String, Integer> perSource = new LinkedHashMap<>();
            List<FeedbackSpec> out = new ArrayList<>();
            // each customer gets a fixed activity weight: some write a lot, most a little
            int[] activity = new int[customers.size()];
            for (int c = 0; c < activity.length; c++) {
                activity[c] = 1 + random.nextInt(6) + ("ENTERPRISE".equals(customers.get(c).tier()) ? 4 : 0);
            }
            for (int p = 0; p < products.size(); p++) {
                ProductSpec product = products.get(p);
                List<FeatureSpec> candidates = product.features();
                for (int n = 0; n < perProduct[p]; n++) {
                    String source = n < DemoVocabulary.SOURCES.size() ? DemoVocabulary.SOURCES.get(n) : pick(sources);
                    int number = perSource.merge(source, 1, Integer::sum);
                    int customer = weighted(activity);
                    String sentiment = pick(List.of("negative", "negative", "negative", "negative", "neutral",
                            "neutral", "neutral", "positive", "positive", "positive"));
                    Instant receivedAt = now.minus(1 + random.nextInt(180), ChronoUnit.DAYS)
                            .minus(random.nextInt(24 * 60), ChronoUnit.MINUTES);
                    FeatureSpec feature = random.nextInt(10) < 7 ? weightedFeature(candidates) : null;
                    DemoVocabulary.Text text = feature == null
                            ? DemoVocabulary.general(product.key(), product.name(), sentiment, random)
                            : DemoVocabulary.aboutFeature(product.name(), feature.idea(), sentiment, random);
                    String styledText = DemoVocabulary.styled(source, customers.get(customer).segment(), text.text(),
                            random);
                    String title = "SOCIAL".equals(source) ? DemoVocabulary.socialTitle(text.title()) : text.title();
                    List<String> tags = new ArrayList<>();
                    tags.add(product.key().toLowerCase());
                    if (feature != null) {
                        tags.add(feature.idea().tag());
                    } else {
                        tags.add(text.tag());
                    }
                    if ("negative".equals(sentiment) && random.nextInt(4) == 0) {
                        tags.add("churn-risk");
                    }
                    String owner = random.nextInt(3) == 0 ? pick(DemoVocabulary.OWNERS) : null;
                    String importance = null;
                    String featureRef = null;
                    String status = null;
                    // about 4 in 10 items about a feature are linked to it (all are for the one about to ship)
                    boolean linked = feature != null && !"REJECTED".equals(feature.status())
                            && (random.nextInt(10) < 4 || feature.ref().equals("CHK-WALLETPAY"));
                    if (linked) {
                        featureRef = feature.ref();
                        importance = importance(sentiment);
                    } else {
                        int roll = random.nextInt(100);
                        if ("SOCIAL".equals(source) && roll < 12) {
                            status = "SPAM";
                        } else if (roll < 16) {
                            status = "TRIAGED";
                        } else if (roll < 20 && receivedAt.isBefore(now.minus(90, ChronoUnit.DAYS))) {
                            status = "ARCHIVED";
                        }
                    }
                    out.add(new FeedbackSpec(source, DemoVocabulary.externalReference(source, number), customer,
                            product.key(), title, styledText, receivedAt, List.copyOf(tags), owner, sentiment,
                            featureRef, importance, status));
                }
            }
            return out;
        }

        private String importance(String sentiment) {
            int roll = random.nextInt(100);
            return switch (sentiment) {
                case "negative" -> roll < 35 ? "CRITICAL" : roll < 80 ? "IMPORTANT" : "NICE_TO_HAVE";
                case "neutral" -> roll < 10 ? "CRITICAL" : roll < 50 ? "IMPORTANT" : "NICE_TO_HAVE";
                default -> roll < 30 ? "IMPORTANT" : "NICE_TO_HAVE";
            };
        }

        private FeatureSpec weightedFeature(List<FeatureSpec> features) {
            int[] weights = features.stream().mapToInt(FeatureSpec::popularity).toArray();
            return features.get(weighted(weights));
        }

        private int weighted(int[] weights) {
            int total = 0;
            for (int w : weights) {
                total += w;
            }
            int roll = random.nextInt(total);
            for (int i = 0; i < weights.length; i++) {
                roll -= weights[i];
                if (roll < 0) {
                    return i;
                }
            }
            return weights.length - 1;
        }

        private <T> T pick(List<T> from) {
            return from.get(random.nextInt(from.size()));
        }

        // ---------------------------------------------------------------- votes, discussions, NPS

        private List<VoteSpec> votes(List<ProductSpec> products, List<CustomerSpec> customers) {
            List<VoteSpec> out = new ArrayList<>();
            Set<String> seen = new LinkedHashSet<>();
            List<FeatureSpec> votable = products.stream().flatMap(p -> p.features().stream())
                    .filter(f -> List.of("IDEA", "CANDIDATE", "PLANNED").contains(f.status())).toList();
            while (out.size() < 40) {
                FeatureSpec f = weightedFeature(votable);
                int customer = random.nextInt(customers.size());
                if (seen.add(f.ref() + "/" + customer)) {
                    String comment = random.nextInt(3) == 0 ? null
                            : DemoVocabulary.voteComment(f.idea(), random);
                    out.add(new VoteSpec(customer, f.ref(), random.nextInt(4) == 0 ? "CRITICAL" : "IMPORTANT",
                            comment));
                }
            }
            return out;
        }

        private List<DiscussionSpec> discussions(List<FeedbackSpec> feedback) {
            List<DiscussionSpec> out = new ArrayList<>();
            // the linked, critical items are the ones a team talks about
            List<FeedbackSpec> talkedAbout = feedback.stream()
                    .filter(f -> "CRITICAL".equals(f.importance()) || "IMPORTANT".equals(f.importance()))
                    .toList();
            Set<Integer> chosen = new LinkedHashSet<>();
            while (chosen.size() < Math.min(36, talkedAbout.size())) {
                chosen.add(random.nextInt(talkedAbout.size()));
            }
            for (int i : chosen) {
                FeedbackSpec item = talkedAbout.get(i);
                FeatureIdea idea = DemoVocabulary.feature(item.featureRef());
                out.add(new DiscussionSpec(item.source(), item.externalReference(),
                        DemoVocabulary.discussion(idea, 2 + random.nextInt(3), random)));
            }
            return out;
        }

        private List<SurveySpec> surveys(List<CustomerSpec> customers) {
            Instant opens = now.minus(21, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS);
            Instant closes = now.plus(9, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS);
            return List.of(
                    new SurveySpec("CHK", "How likely are you to recommend Checkout to a colleague?", opens, closes,
                            answers(customers, 46, new int[] {2, 1, 1, 2, 3, 5, 6, 9, 12, 14, 10}, "Checkout")),
                    new SurveySpec("INS", "How likely are you to recommend Insights to a colleague?", opens, closes,
                            answers(customers, 28, new int[] {2, 2, 3, 3, 4, 6, 7, 9, 8, 5, 3}, "Insights")));
        }

        /** {@code count} different customers answer; {@code scoreWeights[s]} is how common score s is. */
        private List<AnswerSpec> answers(List<CustomerSpec> customers, int count, int[] scoreWeights, String product) {
            List<Integer> who = new ArrayList<>();
            for (int i = 0; i < customers.size(); i++) {
                who.add(i);
            }
            java.util.Collections.shuffle(who, random);
            List<AnswerSpec> out = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int score = weighted(scoreWeights);
                String comment = random.nextInt(10) < 4 ? DemoVocabulary.npsComment(product, score, random) : null;
                out.add(new AnswerSpec(who.get(i), score, comment));
            }
            return out;
        }

        // ---------------------------------------------------------------- releases, programs, projects

        private List<ReleaseSpec> releases() {
            return List.of(
                    new ReleaseSpec("CHK", quarter(today.minusDays(10)).replace("-Q", ".") + " Wallet payments",
                            "Apple Pay and Google Pay for every merchant.", today.minusDays(7),
                            List.of("CHK-WALLETPAY"), true),
                    new ReleaseSpec("CHK", today.plusMonths(2).getYear() + ".1 Faster checkout",
                            "Guest checkout, address autocomplete and a faster payment page.", today.plusDays(60),
                            List.of("CHK-GUEST", "CHK-ADDRESS", "CHK-SPEED"), false),
                    new ReleaseSpec("INS", today.plusMonths(2).getYear() + ".1 Share and export",
                            "Exports and the warehouse connector.", today.plusDays(45),
                            List.of("INS-EXPORT", "INS-WAREHOUSE"), false));
        }

        /** Insights turns from dashboards people visit to insights that reach them, on what customers said. */
        private List<PivotSpec> pivots(List<FeedbackSpec> feedback) {
            List<FeedbackSpec> evidence = feedback.stream()
                    .filter(f -> "INS-SCHEDULE".equals(f.featureRef()) || "INS-ALERTS".equals(f.featureRef()))
                    .filter(f -> "negative".equals(f.sentiment())).limit(3).toList();
            return List.of(new PivotSpec("INS",
                    "Product teams learn what their customers need without opening a dashboard: the numbers that "
                            + "matter reach them by e-mail and chat, every week.",
                    "Weekly active analysts stopped growing, and customers keep telling us that managers never open "
                            + "dashboards: they screenshot them for e-mails and miss drops for days.",
                    DemoVocabulary.PM_INSIGHTS, evidence, "Weekly active analysts"));
        }

        private List<ProgramSpec> programs() {
            return List.of(
                    new ProgramSpec("PAY27", "Payments " + today.plusMonths(3).getYear(),
                            "Everything that makes paying faster and brings buyers back.", "olu.pgm@example.com"),
                    new ProgramSpec("GROWTH", "Insights and mobile growth",
                            "Reach product teams every week, on the web and on the phone.", "olu.pgm@example.com"));
        }

        private List<ProjectSpec> projects() {
            List<ProjectSpec> out = new ArrayList<>();
            // GREEN: a third of the time gone, 40 % done, spend well under the value earned
            out.add(project("CHK-REORDER", "REORDER", "One-click reorder", "PAY27", "priya.pjm@example.com", "EUR",
                    "60000", -30, 89, "ACTIVE", "GREEN",
                    List.of(member("ana.dev@example.com", "Backend developer", 80, "85"),
                            member("ben.dev@example.com", "Frontend developer", 60, "85"),
                            member("dara.design@example.com", "Product designer", 30, "85")),
                    List.of(task("design", "Reorder flow design", "40", "0", "dara.design@example.com", "DONE"),
                            task("api", "Order history API: reorder endpoint", "80", "0", "ana.dev@example.com", "DONE",
                                    "design"),
                            task("ui", "Reorder button on the order history page", "60", "20", "ben.dev@example.com",
                                    "IN_PROGRESS", "design"),
                            task("stock", "Out-of-stock handling when reordering", "50", "50", "ana.dev@example.com",
                                    "TODO", "api"),
                            task("email", "Reorder link in the receipt e-mail", "40", "40", "ben.dev@example.com",
                                    "TODO", "api"),
                            task("qa", "End-to-end tests and beta", "90", "90", "ana.dev@example.com", "TODO",
                                    "ui", "stock", "email"),
                            task("launch", "Launch to all merchants", "40", "40", "ben.dev@example.com", "TODO", "qa")),
                    List.of(new MilestoneSpec("Design signed off", today.minusDays(20), reached(-21)),
                            new MilestoneSpec("Beta with 20 merchants", today.plusDays(40), null),
                            new MilestoneSpec("General availability", today.plusDays(85), null)),
                    "1.0625",
                    List.of(new ExpenseSpec(new BigDecimal("1500.00"), "User research", today.minusDays(25),
                            "Twelve merchant interviews, incentives"))));
            // RED: spend above the budget (a PCI audit nobody planned for)
            out.add(project("CHK-WALLET", "WALLET", "Saved cards wallet", "PAY27", "priya.pjm@example.com", "EUR",
                    "40000", -45, 89, "ACTIVE", "RED",
                    List.of(member("chen.dev@example.com", "Backend developer", 100, "95"),
                            member("ben.dev@example.com", "Frontend developer", 40, "95"),
                            member("eva.sec@example.com", "Security engineer", 50, "95")),
                    List.of(task("vault", "Card vault integration (tokenisation)", "100", "0", "chen.dev@example.com",
                                    "DONE"),
                            task("pci", "PCI DSS scope review", "40", "0", "eva.sec@example.com", "DONE"),
                            task("ui", "Saved cards in the payment step", "80", "40", "ben.dev@example.com",
                                    "IN_PROGRESS", "vault"),
                            task("manage", "Manage saved cards in the account", "60", "40", "ben.dev@example.com",
                                    "BLOCKED", "vault"),
                            task("expiry", "Expiry reminders", "40", "40", "chen.dev@example.com", "TODO", "vault"),
                            task("rollout", "Staged rollout", "40", "40", "chen.dev@example.com", "TODO",
                                    "ui", "manage", "expiry", "pci")),
                    List.of(new MilestoneSpec("Vault in production", today.minusDays(15), reached(-18)),
                            new MilestoneSpec("Wallet for all merchants", today.plusDays(80), null)),
                    "1.8333",
                    List.of(new ExpenseSpec(new BigDecimal("9000.00"), "Audit", today.minusDays(30),
                                    "External PCI DSS assessment"),
                            new ExpenseSpec(new BigDecimal("2500.00"), "Licences", today.minusDays(40),
                                    "Tokenisation provider, first quarter"),
                            new ExpenseSpec(new BigDecimal("1800.00"), "Licences", today.minusDays(10),
                                    "Tokenisation provider, volume tier"))));
            // AMBER: on cost and on time, but a milestone is overdue
            out.add(project("INS-SCHEDULE", "REPORTS", "Scheduled report e-mails", "GROWTH", "sam.pjm@example.com",
                    "USD", "45000", -20, 89, "ACTIVE", "AMBER",
                    List.of(member("faye.dev@example.com", "Full-stack developer", 80, "90"),
                            member("gus.dev@example.com", "Backend developer", 50, "90")),
                    List.of(task("spec", "Report schedule model", "30", "0", "faye.dev@example.com", "DONE"),
                            task("render", "PDF and PNG rendering of dashboards", "90", "60", "gus.dev@example.com",
                                    "IN_PROGRESS", "spec"),
                            task("mail", "E-mail delivery with retries", "60", "30", "faye.dev@example.com",
                                    "IN_PROGRESS", "spec"),
                            task("ui", "Schedule editor", "70", "70", "faye.dev@example.com", "TODO", "spec"),
                            task("beta", "Beta with ten customers", "50", "50", "gus.dev@example.com", "TODO",
                                    "render", "mail", "ui")),
                    List.of(new MilestoneSpec("Rendering spike done", today.minusDays(5), null),
                            new MilestoneSpec("Beta", today.plusDays(50), null)),
                    "1.1",
                    List.of()));
            // COMPLETED and GREEN: everything done a little under budget; its feature is released
            out.add(project("CHK-WALLETPAY", "PAYWALL", "Apple Pay and Google Pay", "PAY27",
                    "priya.pjm@example.com", "EUR", "30000", -75, 59, "COMPLETED", "GREEN",
                    List.of(member("ana.dev@example.com", "Backend developer", 20, "90"),
                            member("ben.dev@example.com", "Frontend developer", 20, "90")),
                    List.of(task("psp", "Payment provider wallet APIs", "80", "0", "ana.dev@example.com", "DONE"),
                            task("button", "Wallet buttons on the payment step", "60", "0", "ben.dev@example.com",
                                    "DONE", "psp"),
                            task("domain", "Apple Pay domain verification per merchant", "40", "0",
                                    "ana.dev@example.com", "DONE", "psp"),
                            task("launch", "Launch and monitoring", "60", "0", "ben.dev@example.com", "DONE",
                                    "button", "domain")),
                    List.of(new MilestoneSpec("Live for all merchants", today.minusDays(16), reached(-17))),
                    "0.95",
                    List.of(new ExpenseSpec(new BigDecimal("2500.00"), "Certification", today.minusDays(50),
                            "Wallet certification fees"))));
            // APPROVED, starts next week: nothing spent, nothing planned yet → GREEN
            out.add(project("MOB-PUSH", "PUSH", "Push notifications", "GROWTH", "sam.pjm@example.com", "GBP",
                    "25000", 7, 89, "APPROVED", "GREEN",
                    List.of(member("hana.dev@example.com", "Mobile developer", 100, "70"),
                            member("ivan.dev@example.com", "Backend developer", 40, "70")),
                    List.of(task("service", "Notification service", "80", "80", "ivan.dev@example.com", "TODO"),
                            task("ios", "iOS push (APNs)", "60", "60", "hana.dev@example.com", "TODO", "service"),
                            task("android", "Android push (FCM)", "60", "60", "hana.dev@example.com", "TODO",
                                    "service"),
                            task("prefs", "Notification preferences", "40", "40", "hana.dev@example.com", "TODO",
                                    "ios", "android")),
                    List.of(new MilestoneSpec("First push on a test phone", today.plusDays(30), null)),
                    "0",
                    List.of()));
            return out;
        }

        /**
         * A project whose tasks run one after another from {@code startOffset} days from today; the time entries
         * are the done hours × {@code spendFactor}, in days of up to 8 hours by each task's assignee, on past days.
         */
        private ProjectSpec project(String featureRef, String key, String name, String program, String manager,
                                    String currency, String budget, int startOffset, int durationDays,
                                    String finalStatus, String health, List<MemberSpec> members,
                                    List<TaskDraft> drafts, List<MilestoneSpec> milestones, String spendFactor,
                                    List<ExpenseSpec> expenses) {
            LocalDate start = today.plusDays(startOffset);
            LocalDate end = start.plusDays(durationDays);
            List<TaskSpec> tasks = new ArrayList<>();
            Map<String, LocalDate> ends = new LinkedHashMap<>();
            long perTask = Math.max(3, durationDays / (drafts.size() + 1));
            for (TaskDraft d : drafts) {
                LocalDate s = start;
                for (String dep : d.dependsOn()) {
                    LocalDate depEnd = ends.get(dep);
                    if (depEnd.plusDays(1).isAfter(s)) {
                        s = depEnd.plusDays(1);
                    }
                }
                LocalDate e = s.plusDays(perTask - 1);
                if (e.isAfter(end)) {
                    e = end;
                }
                if (s.isAfter(e)) {
                    s = e;
                }
                ends.put(d.ref(), e);
                tasks.add(new TaskSpec(d.ref(), d.title(), new BigDecimal(d.estimate()), new BigDecimal(d.remaining()),
                        d.assignee(), s, e, d.dependsOn(), d.status(),
                        "BLOCKED".equals(d.status()) ? "Waiting for the card network's sandbox credentials" : null));
            }
            List<TimeSpec> time = new ArrayList<>();
            BigDecimal factor = new BigDecimal(spendFactor);
            LocalDate lastDay = today.minusDays(1);
            LocalDate day = start;
            for (TaskSpec t : tasks) {
                BigDecimal hours = t.doneHours().multiply(factor).setScale(0, RoundingMode.HALF_UP);
                while (hours.signum() > 0) {
                    BigDecimal h = hours.min(BigDecimal.valueOf(8));
                    if (day.isAfter(lastDay)) {
                        day = start;
                    }
                    time.add(new TimeSpec(t.assignee(), t.ref(), day, h, pick(DemoVocabulary.TIME_NOTES)));
                    hours = hours.subtract(h);
                    day = day.plusDays(1);
                }
            }
            return new ProjectSpec(featureRef, key, name, program, manager, currency, new BigDecimal(budget + ".00"),
                    start, end, members, tasks, milestones, time, expenses, finalStatus, health);
        }

        private Instant reached(int daysFromToday) {
            return today.plusDays(daysFromToday).atTime(15, 30).toInstant(ZoneOffset.UTC);
        }

        private static MemberSpec member(String person, String role, int allocation, String rate) {
            return new MemberSpec(person, role, allocation, new BigDecimal(rate + ".00"));
        }

        private record TaskDraft(String ref, String title, String estimate, String remaining, String assignee,
                                 String status, List<String> dependsOn) {
        }

        private static TaskDraft task(String ref, String title, String estimate, String remaining, String assignee,
                                      String status, String... dependsOn) {
            return new TaskDraft(ref, title, estimate, remaining, assignee, status, List.of(dependsOn));
        }
    }
}
