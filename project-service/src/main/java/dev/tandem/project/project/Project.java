package dev.tandem.project.project;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.tandem.platform.domain.DomainException;
import dev.tandem.platform.domain.DomainException.FieldIssue;
import dev.tandem.platform.money.Money;
import dev.tandem.project.health.Health;
import dev.tandem.platform.persistence.AuthoredEntity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import dev.tandem.platform.persistence.Exists;
import dev.tandem.platform.time.Now;

/**
 * A project: delivers features of a product within a budget and planned dates. Its status machine
 * ({@link ProjectStatus}) and the rules of approval and baseline live here.
 */
@Entity
@Table(name = "project")
public class Project extends AuthoredEntity {

    /** Sort orders of the project list. */
    public enum Sort { createdAt, name }

    @Id
    UUID id;

    @Column(name = "project_key", nullable = false, length = 10)
    String key;

    @Column(nullable = false, length = 200)
    String name;

    @Column(name = "program_id")
    UUID programId;

    @Column(name = "product_id")
    UUID productId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "feature_ids", nullable = false)
    List<UUID> featureIds = new ArrayList<>();

    @Column(length = 200)
    String manager;

    @Column(length = 4000)
    String scope;

    @Column(name = "budget_amount", precision = 17, scale = 2)
    BigDecimal budgetAmount;

    @Column(name = "budget_currency", length = 3)
    String budgetCurrency;

    @Column(name = "planned_start")
    LocalDate plannedStart;

    @Column(name = "planned_end")
    LocalDate plannedEnd;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    ProjectStatus status;

    @Column(name = "status_reason", length = 1000)
    String statusReason;

    @Column(name = "initial_estimate_pm", precision = 10, scale = 2)
    BigDecimal initialEstimatePersonMonths;

    @Column(name = "proposed_for_feature_id")
    UUID proposedForFeatureId;

    @Column(name = "baseline_budget_amount", precision = 17, scale = 2)
    BigDecimal baselineBudgetAmount;

    @Column(name = "baseline_budget_currency", length = 3)
    String baselineBudgetCurrency;

    @Column(name = "baseline_planned_start")
    LocalDate baselinePlannedStart;

    @Column(name = "baseline_planned_end")
    LocalDate baselinePlannedEnd;

    @Column(name = "baseline_taken_at")
    Instant baselineTakenAt;

    @Column(name = "baseline_estimate_hours", precision = 10, scale = 2)
    BigDecimal baselineEstimateHours;

    /** The health last computed; null while the project has no baseline. */
    @Enumerated(EnumType.STRING)
    @Column(length = 10)
    Health health;

    /** The codes of the health's reasons, comma-separated in the order computed; null while no health. */
    @Column(name = "health_reasons", length = 2000)
    String healthReasons;

    /** When the actual cost first passed the baseline budget (project.budget-exceeded is sent once). */
    @Column(name = "budget_exceeded_at")
    Instant budgetExceededAt;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Version
    long version;

    protected Project() {
    }

    /** A new PROPOSED project. The key is normalised to upper case; plannedEnd must not be before plannedStart. */
    public static Project create(String key, String name, UUID programId, UUID productId, List<UUID> featureIds,
                                 String manager, String scope, Money budget, LocalDate plannedStart,
                                 LocalDate plannedEnd) {
        requireDatesInOrder(plannedStart, plannedEnd);
        Project p = new Project();
        p.id = UUID.randomUUID();
        p.key = normaliseKey(key);
        p.name = name.strip();
        p.programId = programId;
        p.productId = productId;
        p.featureIds = distinct(featureIds);
        p.manager = manager;
        p.scope = scope;
        p.setBudget(budget);
        p.plannedStart = plannedStart;
        p.plannedEnd = plannedEnd;
        p.status = ProjectStatus.PROPOSED;
        p.createdAt = Now.instant();
        p.updatedAt = p.createdAt;
        return p;
    }

    /**
     * The project proposed for a committed feature: PROPOSED, named after the feature, delivering it, its problem as
     * the scope and its effort as the initial estimate.
     */
    public static Project proposeFor(UUID featureId, UUID productId, String title, String problem,
                                     BigDecimal effortPersonMonths, String key) {
        String name = title == null || title.isBlank() ? "Feature " + featureId : title.strip();
        Project p = create(key, name.length() > 200 ? name.substring(0, 200) : name, null, productId,
                List.of(featureId), null, problem == null || problem.length() <= 4000 ? problem : problem.substring(0, 4000),
                null, null, null);
        p.proposedForFeatureId = featureId;
        p.initialEstimatePersonMonths = effortPersonMonths == null ? null
                : effortPersonMonths.setScale(2, java.math.RoundingMode.HALF_UP);
        return p;
    }

    /**
     * The key of the project proposed for a feature: "F" and the first 7 hex digits of the feature id, upper case;
     * when that is taken ({@code attempt} > 0), the attempt number is appended (F1A2B3C42, F1A2B3C43, …).
     */
    public static String proposalKey(UUID featureId, int attempt) {
        String base = "F" + featureId.toString().substring(0, 7).toUpperCase(Locale.ROOT);
        return attempt == 0 ? base : base + (attempt + 1);
    }

    /** The changes of an update; null means unchanged. */
    public record Changes(String key, String name, UUID programId, UUID productId, List<UUID> featureIds,
                          String manager, String scope, Money budget, LocalDate plannedStart, LocalDate plannedEnd) {
    }

    /**
     * Applies an update. A COMPLETED or CANCELLED project cannot be changed (409); the resulting plannedEnd must not
     * be before plannedStart (422 naming plannedEnd).
     *
     * @return whether anything changed
     */
    public boolean update(Changes c) {
        if (status.isFinal()) {
            throw DomainException.conflict("a " + status + " project cannot be changed",
                    new FieldIssue("status", "is " + status + ", which is final"));
        }
        requireDatesInOrder(c.plannedStart() != null ? c.plannedStart() : plannedStart,
                c.plannedEnd() != null ? c.plannedEnd() : plannedEnd);
        boolean changed = false;
        if (c.key() != null && !normaliseKey(c.key()).equals(key)) {
            key = normaliseKey(c.key());
            changed = true;
        }
        if (c.name() != null && !c.name().strip().equals(name)) {
            name = c.name().strip();
            changed = true;
        }
        if (c.programId() != null && !c.programId().equals(programId)) {
            programId = c.programId();
            changed = true;
        }
        if (c.productId() != null && !c.productId().equals(productId)) {
            productId = c.productId();
            changed = true;
        }
        if (c.featureIds() != null && !distinct(c.featureIds()).equals(featureIds)) {
            featureIds = distinct(c.featureIds());
            changed = true;
        }
        if (c.manager() != null && !c.manager().equals(manager)) {
            manager = c.manager();
            changed = true;
        }
        if (c.scope() != null && !c.scope().equals(scope)) {
            scope = c.scope();
            changed = true;
        }
        if (c.budget() != null && !(budgetAmount != null && c.budget().value().compareTo(budgetAmount) == 0
                && c.budget().currency().equals(budgetCurrency))) {
            setBudget(c.budget());
            changed = true;
        }
        if (c.plannedStart() != null && !c.plannedStart().equals(plannedStart)) {
            plannedStart = c.plannedStart();
            changed = true;
        }
        if (c.plannedEnd() != null && !c.plannedEnd().equals(plannedEnd)) {
            plannedEnd = c.plannedEnd();
            changed = true;
        }
        if (changed) {
            touch();
        }
        return changed;
    }

    /**
     * Moves the project to {@code target}. Illegal moves are a 409 naming the allowed ones; CANCELLED needs a reason
     * (422 naming reason); APPROVED needs a budget and planned dates (422 naming what is missing) and takes the
     * baseline.
     *
     * @return the status before the move
     */
    public ProjectStatus changeStatus(ProjectStatus target, String reason) {
        return changeStatus(target, reason, Tasks.NONE);
    }

    /**
     * What a status change needs of the project's tasks: the open ones (COMPLETED is refused while there are any) and,
     * on approval, their estimates captured for the baseline. The task package implements it for a stored project
     * ({@code task.ProjectTasks}); the entity asks only when the change needs it.
     */
    public interface Tasks {

        /** A project without tasks. */
        Tasks NONE = new Tasks() {
            @Override
            public Map<UUID, String> open() {
                return Map.of();
            }

            @Override
            public BigDecimal captureEstimates() {
                return BigDecimal.ZERO.setScale(2);
            }
        };

        /** The tasks that are not DONE, id → title. */
        Map<UUID, String> open();

        /** Keeps each task's estimate as its baseline; returns their sum in hours. */
        BigDecimal captureEstimates();
    }

    /**
     * {@link #changeStatus(ProjectStatus, String)} for a project with tasks: COMPLETED is refused while tasks are open
     * (409 naming them), and approving takes the tasks' estimates into the baseline with the budget and dates.
     */
    public ProjectStatus changeStatus(ProjectStatus target, String reason, Tasks tasks) {
        ProjectStatus from = status;
        Map<UUID, String> openTasks = target == ProjectStatus.COMPLETED ? tasks.open() : Map.of();
        if (!from.canMoveTo(target)) {
            String allowed = from.allowedNext().isEmpty() ? "none (" + from + " is final)"
                    : from.allowedNext().stream().map(Enum::name).collect(Collectors.joining(", "));
            throw DomainException.conflict("a " + from + " project cannot move to " + target + "; allowed: " + allowed,
                    new FieldIssue("status", "allowed from " + from + ": " + allowed));
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (target == ProjectStatus.CANCELLED && why == null) {
            throw DomainException.ruleBroken("cancelling a project needs a reason",
                    new FieldIssue("reason", "is required to cancel"));
        }
        if (target == ProjectStatus.COMPLETED && !openTasks.isEmpty()) {
            String names = openTasks.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")")
                    .collect(Collectors.joining(", "));
            throw DomainException.conflict("the project has " + openTasks.size() + " open task(s): " + names,
                    openTasks.entrySet().stream()
                            .map(e -> new FieldIssue("status", "task " + e.getKey() + " (" + e.getValue()
                                    + ") is not DONE"))
                            .toArray(FieldIssue[]::new));
        }
        if (target == ProjectStatus.APPROVED) {
            List<FieldIssue> missing = new ArrayList<>();
            if (budgetAmount == null) {
                missing.add(new FieldIssue("budget", "is required to approve"));
            }
            if (plannedStart == null) {
                missing.add(new FieldIssue("plannedStart", "is required to approve"));
            }
            if (plannedEnd == null) {
                missing.add(new FieldIssue("plannedEnd", "is required to approve"));
            }
            if (!missing.isEmpty()) {
                throw DomainException.ruleBroken("approving needs a budget and planned dates; missing: "
                                + missing.stream().map(FieldIssue::field).collect(Collectors.joining(", ")),
                        missing.toArray(FieldIssue[]::new));
            }
        }
        status = target;
        statusReason = why;
        touch();
        if (target == ProjectStatus.APPROVED) {
            baselineBudgetAmount = budgetAmount;
            baselineBudgetCurrency = budgetCurrency;
            baselinePlannedStart = plannedStart;
            baselinePlannedEnd = plannedEnd;
            baselineTakenAt = updatedAt;
            baselineEstimateHours = tasks.captureEstimates();
        }
        return from;
    }

    static void requireDatesInOrder(LocalDate start, LocalDate end) {
        if (start != null && end != null && end.isBefore(start)) {
            throw DomainException.ruleBroken("plannedEnd " + end + " is before plannedStart " + start,
                    new FieldIssue("plannedEnd", "must not be before plannedStart (" + start + ")"));
        }
    }

    public static String normaliseKey(String key) {
        return key.strip().toUpperCase(Locale.ROOT);
    }

    /** Whether another project than {@code except} (may be null) has this key, whatever its case. */
    public static boolean keyTaken(String key, UUID except) {
        return except == null
                ? Exists.any(getEntityManager(), "Project", "key = ?1", normaliseKey(key))
                : Exists.any(getEntityManager(), "Project", "key = ?1 and id <> ?2", normaliseKey(key), except);
    }

    /** The project with this id, or a 404 naming it. */
    public static Project require(UUID id) {
        Project project = findById(id);
        if (project == null) {
            throw DomainException.notFound("project", id);
        }
        return project;
    }

    public static Project proposedFor(UUID featureId) {
        return find("proposedForFeatureId", featureId).firstResult();
    }

    /** One page of projects matching the filters (null = any), in the sort order, after the keyset cursor. */
    public static List<Project> page(ProjectStatus status, Health health, UUID programId, UUID productId,
                                     String manager, Sort sort, Object afterValue, UUID afterId, int fetchSize) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (health != null) {
            where.append(" and health = :health");
            params.put("health", health);
        }
        if (status != null) {
            where.append(" and status = :status");
            params.put("status", status);
        }
        if (programId != null) {
            where.append(" and programId = :programId");
            params.put("programId", programId);
        }
        if (productId != null) {
            where.append(" and productId = :productId");
            params.put("productId", productId);
        }
        if (manager != null) {
            where.append(" and manager = :manager");
            params.put("manager", manager);
        }
        String column = sort == Sort.name ? "name" : "createdAt";
        if (afterValue != null) {
            where.append(" and (").append(column).append(" > :v or (").append(column).append(" = :v and id > :id))");
            params.put("v", afterValue);
            params.put("id", afterId);
        }
        return find(where + " order by " + column + ", id", params).page(0, fetchSize).list();
    }

    private void setBudget(Money budget) {
        budgetAmount = budget == null ? null : budget.value();
        budgetCurrency = budget == null ? null : budget.currency();
    }

    private void touch() {
        updatedAt = Now.instant();
        if (!updatedAt.isAfter(createdAt)) {
            updatedAt = createdAt.plus(1, ChronoUnit.MICROS);
        }
    }

    private static List<UUID> distinct(List<UUID> ids) {
        return ids == null ? new ArrayList<>() : new ArrayList<>(new LinkedHashSet<>(ids));
    }

    public UUID id() {
        return id;
    }

    public String key() {
        return key;
    }

    public String name() {
        return name;
    }

    public UUID programId() {
        return programId;
    }

    public UUID productId() {
        return productId;
    }

    public List<UUID> featureIds() {
        return List.copyOf(featureIds);
    }

    public String manager() {
        return manager;
    }

    public String scope() {
        return scope;
    }

    public Money budget() {
        return Money.of(budgetAmount, budgetCurrency);
    }

    public LocalDate plannedStart() {
        return plannedStart;
    }

    public LocalDate plannedEnd() {
        return plannedEnd;
    }

    /**
     * A COMPLETED or CANCELLED project's plan is closed: no milestone, task, member, risk or cost entry is added,
     * changed or reached any more.
     */
    public void requirePlanOpen() {
        if (status.isFinal()) {
            throw DomainException.conflict("the project is " + status + ": its plan can no longer change",
                    new FieldIssue("projectId", "project is " + status));
        }
    }

    public ProjectStatus status() {
        return status;
    }

    public String statusReason() {
        return statusReason;
    }

    public BigDecimal initialEstimatePersonMonths() {
        return initialEstimatePersonMonths;
    }

    public UUID proposedForFeatureId() {
        return proposedForFeatureId;
    }

    /** The baseline taken at approval, or null before approval. */
    public Baseline baseline() {
        return baselineTakenAt == null ? null : new Baseline(Money.of(baselineBudgetAmount, baselineBudgetCurrency),
                baselinePlannedStart, baselinePlannedEnd, baselineTakenAt, baselineEstimateHours);
    }

    /** Whether work has begun: ACTIVE, ON_HOLD or COMPLETED. */
    public boolean isStarted() {
        return status == ProjectStatus.ACTIVE || status == ProjectStatus.ON_HOLD || status == ProjectStatus.COMPLETED;
    }

    public Health health() {
        return health;
    }

    /**
     * Records the health just computed and the codes of its reasons.
     *
     * @return whether the health or its reasons differ from the ones recorded before (a RED project that is now
     *         also over budget has changed: its features at risk must show the new reason)
     */
    public boolean recordHealth(Health computed, java.util.List<String> reasonCodes) {
        String codes = computed == null ? null : String.join(",", reasonCodes);
        if (computed == health && java.util.Objects.equals(codes, healthReasons)) {
            return false;
        }
        health = computed;
        healthReasons = codes;
        return true;
    }

    /**
     * Marks the budget exceeded at {@code at}, once.
     *
     * @return whether this is the first time
     */
    public boolean markBudgetExceeded(Instant at) {
        if (budgetExceededAt != null) {
            return false;
        }
        budgetExceededAt = at.truncatedTo(ChronoUnit.MICROS);
        return true;
    }

    public Instant budgetExceededAt() {
        return budgetExceededAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }

    /** What later variance is measured against: budget and planned dates as they were at approval. */
    public record Baseline(Money budget, LocalDate plannedStart, LocalDate plannedEnd, Instant takenAt,
                           BigDecimal estimateHours) {
    }
}
