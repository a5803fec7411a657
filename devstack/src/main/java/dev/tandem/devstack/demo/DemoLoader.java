package dev.tandem.devstack.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.devstack.demo.DemoDataSet.AnswerSpec;
import dev.tandem.devstack.demo.DemoDataSet.CommentSpec;
import dev.tandem.devstack.demo.DemoDataSet.CustomerSpec;
import dev.tandem.devstack.demo.DemoDataSet.DiscussionSpec;
import dev.tandem.devstack.demo.DemoDataSet.ExpenseSpec;
import dev.tandem.devstack.demo.DemoDataSet.FeatureSpec;
import dev.tandem.devstack.demo.DemoDataSet.FeedbackSpec;
import dev.tandem.devstack.demo.DemoDataSet.KeyResultSpec;
import dev.tandem.devstack.demo.DemoDataSet.MeasurementSpec;
import dev.tandem.devstack.demo.DemoDataSet.MemberSpec;
import dev.tandem.devstack.demo.DemoDataSet.MilestoneSpec;
import dev.tandem.devstack.demo.DemoDataSet.ObjectiveSpec;
import dev.tandem.devstack.demo.DemoDataSet.PivotSpec;
import dev.tandem.devstack.demo.DemoDataSet.ProductSpec;
import dev.tandem.devstack.demo.DemoDataSet.ProgramSpec;
import dev.tandem.devstack.demo.DemoDataSet.ProjectSpec;
import dev.tandem.devstack.demo.DemoDataSet.ReleaseSpec;
import dev.tandem.devstack.demo.DemoDataSet.StageMove;
import dev.tandem.devstack.demo.DemoDataSet.SurveySpec;
import dev.tandem.devstack.demo.DemoDataSet.TaskSpec;
import dev.tandem.devstack.demo.DemoDataSet.TimeSpec;
import dev.tandem.devstack.demo.DemoDataSet.VoteSpec;

/**
 * Sends a {@link DemoDataSet} through the gateway's public API, in the order the services need it: products,
 * objectives, releases and features first; customers; then — once feedback-service's catalog knows the products
 * and features (from their events) — the feedback import, links, votes, discussions and NPS answers; then the
 * features with a project are committed, project-service proposes their projects, and the loader plans, approves,
 * staffs and runs them; finally the release whose feature was delivered is released, which closes the loop for its
 * customers. Independent requests run on a few threads.
 */
final class DemoLoader {

    static final Duration EVENT_TIMEOUT = Duration.ofSeconds(60);
    private static final int THREADS = 6;

    private final DemoApi api;
    private final DemoDataSet data;
    private final Consumer<String> log;

    private final Map<String, String> productIds = new ConcurrentHashMap<>();
    private final Map<String, String> featureIds = new ConcurrentHashMap<>();
    private final Map<String, String> releaseIds = new ConcurrentHashMap<>();
    /** productKey + "/" + index of the objective in its product's spec → id. */
    private final Map<String, String> objectiveIds = new ConcurrentHashMap<>();
    private final Map<String, String> programIds = new ConcurrentHashMap<>();
    private final Map<Integer, String> customerIds = new ConcurrentHashMap<>();
    /** metric → id of its latest measurement (pivot evidence). */
    private final Map<String, String> latestMeasurementIds = new ConcurrentHashMap<>();
    /** source/externalReference → the item as listed (id, version). */
    private final Map<String, JsonNode> feedbackItems = new ConcurrentHashMap<>();

    /** What was loaded, for the summary line and the checks. */
    record Summary(int products, int features, int customers, int feedbackImported, int links, int votes,
                   int comments, int npsAnswers, int pivots, int projects, Map<String, Integer> projectHealth,
                   int releases, int requests) {
    }

    DemoLoader(DemoApi api, DemoDataSet data, Consumer<String> log) {
        this.api = api;
        this.data = data;
        this.log = log;
    }

    Summary load() {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "demo-data");
            t.setDaemon(true);
            return t;
        });
        try {
            return load(pool);
        } finally {
            pool.shutdownNow();
        }
    }

    private long started;

    /** Logs the start of a phase with the time since the load began. */
    private void phase(String name) {
        log.accept(String.format(java.util.Locale.ROOT, "%5.1f s  %s …", (System.nanoTime() - started) / 1e9, name));
    }

    private Summary load(ExecutorService pool) {
        started = System.nanoTime();
        phase("products, objectives, releases and features");
        for (ProductSpec p : data.products()) {
            createProduct(p);
        }
        parallel(pool, data.products().stream().flatMap(p -> p.objectives().stream()
                .map(o -> Map.entry(p.key(), o))).toList(), e -> createObjective(e.getKey(), e.getValue()));
        for (ReleaseSpec r : data.releases()) {
            releaseIds.put(r.name(), api.post("/api/v1/releases", DemoApi.object()
                    .put("productId", productIds.get(r.productKey())).put("name", r.name())
                    .put("description", r.description()).put("targetDate", r.targetDate().toString())).id());
        }
        parallel(pool, data.features(), this::createFeature);

        phase("customers");
        parallel(pool, indexes(data.customers().size()), i -> createCustomer(i, data.customers().get(i)));

        phase("waiting for feedback-service to learn the products and features from their events");
        awaitCatalog();
        phase("importing " + data.feedback().size() + " feedback items (one NDJSON request)");
        int imported = importFeedback();
        for (ProductSpec p : data.products()) {
            for (JsonNode item : api.list("/api/v1/feedback?productId=" + productIds.get(p.key()))) {
                feedbackItems.put(item.path("source").asText() + "/" + item.path("externalReference").asText(), item);
            }
        }

        phase("links, votes, discussions, NPS answers, a pivot; committing features, running their projects");
        for (ProgramSpec p : data.programs()) {
            programIds.put(p.key(), api.post("/api/v1/programs", DemoApi.object().put("key", p.key())
                    .put("name", p.name()).put("description", p.description()).put("owner", p.owner())).id());
        }
        Map<String, String> surveyIds = new TreeMap<>();
        for (SurveySpec s : data.surveys()) {
            surveyIds.put(s.productKey(), api.post("/api/v1/nps/surveys", DemoApi.object()
                    .put("productId", productIds.get(s.productKey())).put("question", s.question())
                    .put("opensAt", s.opensAt().toString()).put("closesAt", s.closesAt().toString())).id());
        }
        // all independent of each other: one queue, the long project chains first
        List<Runnable> work = new ArrayList<>();
        data.projects().forEach(p -> work.add(() -> runProject(p)));
        data.pivots().forEach(p -> work.add(() -> pivot(p)));
        List<FeedbackSpec> linked = data.feedback().stream().filter(f -> f.importance() != null).toList();
        linked.forEach(f -> work.add(() -> link(f)));
        data.feedback().stream().filter(f -> f.status() != null).forEach(f -> work.add(() -> moveFeedback(f)));
        data.votes().forEach(v -> work.add(() -> vote(v)));
        data.discussions().forEach(d -> work.add(() -> discuss(d)));
        int answers = 0;
        for (SurveySpec s : data.surveys()) {
            s.answers().forEach(a -> work.add(() -> answer(surveyIds.get(s.productKey()), a)));
            answers += s.answers().size();
        }
        parallel(pool, work, Runnable::run);

        phase("releasing the delivered feature");
        for (ReleaseSpec r : data.releases()) {
            if (r.released()) {
                release(r);
            }
        }

        Map<String, Integer> health = new TreeMap<>();
        for (ProjectSpec p : data.projects()) {
            JsonNode project = api.get("/api/v1/projects/" + projectIdOf(p));
            health.merge(project.path("health").asText("NONE"), 1, Integer::sum);
        }
        return new Summary(data.products().size(), data.features().size(), data.customers().size(), imported,
                linked.size(), data.votes().size(), (int) data.commentCount(), answers, data.pivots().size(),
                data.projects().size(), health, data.releases().size(), api.requestCount());
    }

    // ---------------------------------------------------------------- product-service

    private void createProduct(ProductSpec p) {
        ArrayNode segments = DemoApi.JSON.createArrayNode();
        p.segments().forEach(segments::add);
        ObjectNode body = DemoApi.object().put("key", p.key()).put("name", p.name()).put("vision", p.vision())
                .put("owner", p.owner());
        body.set("targetSegments", segments);
        DemoApi.Answer created = api.post("/api/v1/products", body);
        String id = created.id();
        productIds.put(p.key(), id);
        String etag = created.etag();
        String path = "/api/v1/products/" + id;
        for (StageMove move : p.lifecycle()) {
            etag = api.change("POST", path, path + "/lifecycle", DemoApi.object().put("stage", move.stage())
                    .put("reason", move.reason()).put("onBehalfOf", move.changedBy()), etag).etag();
        }
    }

    private void createObjective(String productKey, ObjectiveSpec o) {
        DemoApi.Answer created = api.post("/api/v1/objectives", DemoApi.object()
                .put("productId", productIds.get(productKey)).put("title", o.title())
                .put("description", o.description()).put("period", o.period()));
        String path = "/api/v1/objectives/" + created.id();
        objectiveIds.put(productKey + "/" + product(productKey).objectives().indexOf(o), created.id());
        String etag = created.etag();
        for (KeyResultSpec kr : o.keyResults()) {
            DemoApi.Answer added = api.change("POST", path, path + "/key-results", DemoApi.object()
                    .put("metric", kr.metric()).put("unit", kr.unit())
                    .put("baseline", kr.baseline().toPlainString()).put("target", kr.target().toPlainString())
                    .put("direction", kr.direction()), etag);
            JsonNode keyResults = added.body().path("keyResults");
            String krId = keyResults.get(keyResults.size() - 1).path("id").asText();
            DemoApi.Answer last = null;
            for (MeasurementSpec m : kr.measurements()) {
                last = api.post(path + "/key-results/" + krId + "/measurements", DemoApi.object()
                        .put("value", m.value().toPlainString()).put("measuredAt", m.measuredAt().toString())
                        .put("source", m.source()));
                latestMeasurementIds.put(kr.metric(), last.body().path("measurement").path("id").asText());
            }
            etag = last != null && last.etag() != null ? last.etag() : added.etag();
        }
    }

    private void createFeature(FeatureSpec f) {
        ObjectNode body = DemoApi.object()
                .put("productId", productIds.get(f.productKey())).put("title", f.title()).put("problem", f.problem())
                .put("reach", f.reach()).put("impact", f.impact()).put("confidence", f.confidence())
                .put("effort", f.effort());
        // every feature past the idea stage serves one of its product's objectives (taken in turn)
        ProductSpec product = product(f.productKey());
        if (!"IDEA".equals(f.status()) && !"REJECTED".equals(f.status()) && !product.objectives().isEmpty()) {
            int objective = product.features().indexOf(f) % product.objectives().size();
            body.put("objectiveId", objectiveIds.get(f.productKey() + "/" + objective));
        }
        DemoApi.Answer created = api.post("/api/v1/features", body);
        String id = created.id();
        featureIds.put(f.ref(), id);
        String path = "/api/v1/features/" + id;
        String etag = created.etag();
        List<String> steps = switch (f.status()) {
            case "IDEA" -> List.of();
            case "CANDIDATE" -> List.of("CANDIDATE");
            case "REJECTED" -> List.of("REJECTED");
            default -> List.of("CANDIDATE", "PLANNED"); // PLANNED, and those committed later for their project
        };
        for (String step : steps) {
            ObjectNode move = DemoApi.object().put("status", step);
            move.put("reason", "REJECTED".equals(step) ? f.rejectionReason()
                    : "CANDIDATE".equals(step) ? "Customers keep asking; worth sizing" : "Fits this year's objectives");
            etag = api.change("POST", path, path + "/status", move, etag).etag();
        }
        for (ReleaseSpec r : data.releases()) {
            if (r.featureRefs().contains(f.ref())) {
                api.change("PATCH", path, path, DemoApi.object().put("releaseId", releaseIds.get(r.name())), etag);
            }
        }
    }

    /**
     * product-service accepts feedback as evidence once it knows the item from {@code feedback.received}: a 422
     * naming the evidence is retried until then.
     */
    private void pivot(PivotSpec p) {
        ObjectNode body = DemoApi.object().put("vision", p.vision()).put("rationale", p.rationale())
                .put("onBehalfOf", p.pivotedBy());
        ArrayNode evidence = body.putArray("evidence");
        for (FeedbackSpec f : p.feedbackEvidence()) {
            evidence.addObject().put("type", "FEEDBACK")
                    .put("feedbackId", item(f.source(), f.externalReference()).path("id").asText());
        }
        evidence.addObject().put("type", "KEY_RESULT_MEASUREMENT")
                .put("measurementId", latestMeasurementIds.get(p.measuredMetric()));
        String path = "/api/v1/products/" + productIds.get(p.productKey());
        long deadline = System.nanoTime() + EVENT_TIMEOUT.toNanos();
        while (true) {
            DemoApi.Answer before = api.getAnswer(path);
            DemoApi.Answer a = api.send("POST", path + "/pivots", body.toString(), "application/json",
                    before.etag());
            if (a.status() / 100 == 2) {
                return;
            }
            boolean retry = (a.status() == 422 || a.status() == 412) && System.nanoTime() < deadline;
            if (!retry) {
                throw new DemoException("POST " + path + "/pivots answered " + a.status() + ": "
                        + a.body().path("detail").asText(a.body().toString()));
            }
            DemoApi.pause(200);
        }
    }

    private void release(ReleaseSpec r) {
        for (String ref : r.featureRefs()) {
            String featurePath = "/api/v1/features/" + featureIds.get(ref);
            api.await(featurePath, f -> "DELIVERED".equals(f.path("status").asText()), EVENT_TIMEOUT,
                    "feature " + ref + " to be DELIVERED after its project was completed");
        }
        String path = "/api/v1/releases/" + releaseIds.get(r.name());
        api.change("POST", path, path + "/release", DemoApi.object(), null);
    }

    private ProductSpec product(String key) {
        return data.products().stream().filter(p -> p.key().equals(key)).findFirst()
                .orElseThrow(() -> new DemoException("no product " + key + " in the data set"));
    }

    // ---------------------------------------------------------------- feedback-service

    private void createCustomer(int index, CustomerSpec c) {
        ObjectNode body = DemoApi.object().put("externalCrmId", c.externalCrmId()).put("name", c.name())
                .put("segment", c.segment()).put("tier", c.tier()).put("contactEmail", c.contactEmail());
        if (c.revenue() != null) {
            body.set("annualRevenue", money(c.revenue().toPlainString(), c.currency()));
        }
        customerIds.put(index, api.post("/api/v1/customers", body).id());
    }

    /** feedback-service learns products and features from product-service's events: wait until it knows them all. */
    private void awaitCatalog() {
        for (ProductSpec p : data.products()) {
            String productId = productIds.get(p.key());
            api.await("/api/v1/catalog/products/" + productId, x -> true, EVENT_TIMEOUT,
                    "feedback-service to learn product " + p.key());
            api.await("/api/v1/catalog/features?limit=200&productId=" + productId,
                    page -> page.path("items").size() >= p.features().size(), EVENT_TIMEOUT,
                    "feedback-service to learn the features of " + p.key());
        }
    }

    private int importFeedback() {
        StringBuilder ndjson = new StringBuilder();
        for (FeedbackSpec f : data.feedback()) {
            ObjectNode row = DemoApi.object().put("source", f.source()).put("externalReference", f.externalReference())
                    .put("customerId", customerIds.get(f.customer())).put("productId", productIds.get(f.productKey()))
                    .put("title", f.title()).put("text", f.text()).put("receivedAt", f.receivedAt().toString());
            ArrayNode tags = row.putArray("tags");
            f.tags().forEach(tags::add);
            if (f.owner() != null) {
                row.put("owner", f.owner());
            }
            ndjson.append(row).append('\n');
        }
        JsonNode result = api.postRaw("/api/v1/imports/feedback", ndjson.toString(), "application/x-ndjson").body();
        if (result.path("rejected").asInt() > 0) {
            throw new DemoException("the feedback import rejected " + result.path("rejected").asInt()
                    + " rows, e.g. " + result.path("errors").path(0));
        }
        return result.path("created").asInt() + result.path("unchanged").asInt();
    }

    private JsonNode item(String source, String externalReference) {
        JsonNode item = feedbackItems.get(source + "/" + externalReference);
        if (item == null) {
            throw new DemoException("imported feedback item " + source + " " + externalReference + " not found");
        }
        return item;
    }

    private void link(FeedbackSpec f) {
        api.post("/api/v1/feedback/" + item(f.source(), f.externalReference()).path("id").asText() + "/links",
                DemoApi.object().put("featureId", featureIds.get(f.featureRef())).put("importance", f.importance())
                        .put("onBehalfOf", data.products().stream().filter(p -> p.key().equals(f.productKey()))
                                .findFirst().orElseThrow().owner()));
    }

    private void moveFeedback(FeedbackSpec f) {
        JsonNode item = item(f.source(), f.externalReference());
        String path = "/api/v1/feedback/" + item.path("id").asText();
        api.change("POST", path, path + "/status", DemoApi.object().put("status", f.status()),
                "\"" + item.path("version").asLong() + "\"");
    }

    private void vote(VoteSpec v) {
        ObjectNode body = DemoApi.object().put("customerId", customerIds.get(v.customer()))
                .put("featureId", featureIds.get(v.featureRef())).put("importance", v.importance());
        if (v.comment() != null) {
            body.put("comment", v.comment());
        }
        api.post("/api/v1/feedback/votes", body);
    }

    private void discuss(DiscussionSpec d) {
        String path = "/api/v1/feedback/" + item(d.source(), d.externalReference()).path("id").asText() + "/comments";
        for (CommentSpec c : d.comments()) {
            api.post(path, DemoApi.object().put("onBehalfOf", c.author()).put("discipline", c.discipline())
                    .put("text", c.text()));
        }
    }

    private void answer(String surveyId, AnswerSpec a) {
        ObjectNode body = DemoApi.object().put("customerId", customerIds.get(a.customer())).put("score", a.score());
        if (a.comment() != null) {
            body.put("comment", a.comment());
        }
        api.post("/api/v1/nps/surveys/" + surveyId + "/responses", body);
    }

    // ---------------------------------------------------------------- project-service

    private final Map<String, String> projectIds = new ConcurrentHashMap<>();

    private String projectIdOf(ProjectSpec p) {
        return projectIds.get(p.featureRef());
    }

    /** Commit the feature, wait for its proposed project, then plan, approve and run it as the spec says. */
    private void runProject(ProjectSpec p) {
        String featureId = featureIds.get(p.featureRef());
        String featurePath = "/api/v1/features/" + featureId;
        api.change("POST", featurePath, featurePath + "/status", DemoApi.object().put("status", "COMMITTED")
                .put("reason", "Top of the ranked backlog; staffed for this quarter"), null);
        String productId = productIds.get(data.feature(p.featureRef()).productKey());
        JsonNode page = api.await("/api/v1/projects?limit=200&productId=" + productId,
                x -> proposal(x, featureId) != null, EVENT_TIMEOUT,
                "project-service to propose a project for feature " + p.featureRef());
        String id = proposal(page, featureId).path("id").asText();
        projectIds.put(p.featureRef(), id);
        String path = "/api/v1/projects/" + id;

        ObjectNode plan = DemoApi.object().put("key", p.key()).put("name", p.name())
                .put("programId", programIds.get(p.programKey())).put("manager", p.manager())
                .put("plannedStart", p.plannedStart().toString()).put("plannedEnd", p.plannedEnd().toString());
        plan.set("budget", money(p.budget().toPlainString(), p.currency()));
        api.change("PATCH", path, path, plan, null);

        for (MemberSpec m : p.members()) {
            ObjectNode body = DemoApi.object().put("personId", m.personId()).put("role", m.role())
                    .put("allocationPercent", m.allocationPercent());
            body.set("hourlyRate", money(m.hourlyRate().toPlainString(), p.currency()));
            api.post(path + "/members", body);
        }
        Map<String, String> taskIds = new TreeMap<>();
        Map<String, String> taskETags = new TreeMap<>();
        for (TaskSpec t : p.tasks()) {
            ObjectNode body = DemoApi.object().put("title", t.title())
                    .put("estimateHours", t.estimate().toPlainString())
                    .put("remainingHours", t.remaining().toPlainString()).put("assignee", t.assignee())
                    .put("plannedStart", t.plannedStart().toString()).put("plannedEnd", t.plannedEnd().toString());
            ArrayNode deps = body.putArray("dependsOn");
            t.dependsOn().forEach(ref -> deps.add(taskIds.get(ref)));
            DemoApi.Answer created = api.post(path + "/tasks", body);
            taskIds.put(t.ref(), created.id());
            taskETags.put(t.ref(), created.etag());
        }
        List<String[]> milestones = new ArrayList<>();
        for (MilestoneSpec m : p.milestones()) {
            DemoApi.Answer created = api.post(path + "/milestones", DemoApi.object().put("name", m.name())
                    .put("dueDate", m.dueDate().toString()));
            milestones.add(new String[] {created.id(), created.etag()});
        }

        status(path, "APPROVED", "Budget and dates agreed with the product manager");
        if ("APPROVED".equals(p.finalStatus())) {
            return;
        }
        status(path, "ACTIVE", "Team staffed; kick-off done");
        for (TimeSpec t : p.time()) {
            api.post(path + "/time-entries", DemoApi.object().put("personId", t.personId())
                    .put("taskId", taskIds.get(t.taskRef())).put("date", t.date().toString())
                    .put("hours", t.hours().toPlainString()).put("note", t.note()));
        }
        for (ExpenseSpec e : p.expenses()) {
            ObjectNode body = DemoApi.object().put("category", e.category()).put("date", e.date().toString())
                    .put("description", e.description());
            body.set("amount", money(e.amount().toPlainString(), p.currency()));
            api.post(path + "/expenses", body);
        }
        for (TaskSpec t : p.tasks()) {
            String taskPath = "/api/v1/tasks/" + taskIds.get(t.ref());
            String etag = taskETags.get(t.ref());
            List<String> steps = switch (t.status()) {
                case "DONE" -> List.of("IN_PROGRESS", "DONE");
                case "IN_PROGRESS" -> List.of("IN_PROGRESS");
                case "BLOCKED" -> List.of("BLOCKED");
                default -> List.of();
            };
            for (String step : steps) {
                ObjectNode body = DemoApi.object().put("status", step);
                if (t.blockedReason() != null) {
                    body.put("reason", t.blockedReason());
                }
                etag = api.change("POST", taskPath, taskPath + "/status", body, etag).etag();
            }
        }
        for (int i = 0; i < p.milestones().size(); i++) {
            MilestoneSpec m = p.milestones().get(i);
            if (m.reachedAt() != null) {
                String milestonePath = "/api/v1/milestones/" + milestones.get(i)[0];
                api.change("POST", milestonePath, milestonePath + "/reached",
                        DemoApi.object().put("reachedAt", m.reachedAt().toString()), milestones.get(i)[1]);
            }
        }
        if ("COMPLETED".equals(p.finalStatus())) {
            status(path, "COMPLETED", "Live for all merchants; monitoring handed over to operations");
        }
    }

    private static JsonNode proposal(JsonNode page, String featureId) {
        for (JsonNode project : page.path("items")) {
            if (featureId.equals(project.path("proposedForFeatureId").asText())) {
                return project;
            }
        }
        return null;
    }

    private void status(String projectPath, String status, String reason) {
        api.change("POST", projectPath, projectPath + "/status", DemoApi.object().put("status", status)
                .put("reason", reason), null);
    }

    // ---------------------------------------------------------------- helpers

    private static ObjectNode money(String amount, String currency) {
        return DemoApi.object().put("amount", amount).put("currency", currency);
    }

    private static List<Integer> indexes(int n) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(i);
        }
        return out;
    }

    /** Runs {@code work} for every item on the pool and waits; the first failure is rethrown. */
    private static <T> void parallel(ExecutorService pool, List<T> items, Consumer<T> work) {
        Function<T, Runnable> task = item -> () -> work.accept(item);
        List<Future<?>> futures = new ArrayList<>();
        for (T item : items) {
            futures.add(pool.submit(task.apply(item)));
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                futures.forEach(x -> x.cancel(true));
                throw new DemoException("interrupted", e);
            } catch (ExecutionException e) {
                futures.forEach(x -> x.cancel(true));
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                throw new DemoException(String.valueOf(cause), cause);
            }
        }
    }
}
