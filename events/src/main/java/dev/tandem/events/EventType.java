package dev.tandem.events;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import dev.tandem.events.product.FeatureCommitted;
import dev.tandem.events.product.ProductCreated;

/**
 * Every event type Tandem publishes: its CloudEvents {@code type}, topic, aggregate and payload record. The
 * AsyncAPI document and the JSON Schemas under {@code dev/tandem/events/schemas/} are checked against this list by
 * the module's tests, so code and contract cannot drift apart.
 */
public enum EventType {

    // ---- product-service (tandem.product.events) ----
    PRODUCT_CREATED("dev.tandem.product.created.v1", Topics.PRODUCT, "product", ProductCreated.class,
            "A product was created."),
    FEATURE_COMMITTED("dev.tandem.feature.committed.v1", Topics.PRODUCT, "feature", FeatureCommitted.class,
            "A feature was committed to: project-service proposes a project to deliver it."),
    PRODUCT_UPDATED("dev.tandem.product.updated.v1", Topics.PRODUCT, "product",
            dev.tandem.events.product.ProductUpdated.class,
            "A product's name, vision, target segments or owner changed."),
    PRODUCT_LIFECYCLE_CHANGED("dev.tandem.product.lifecycle-changed.v1", Topics.PRODUCT, "product",
            dev.tandem.events.product.ProductLifecycleChanged.class,
            "A product moved to another lifecycle stage (from, to, reason, changedBy, onBehalfOf)."),
    PRODUCT_DELETED("dev.tandem.product.deleted.v1", Topics.PRODUCT, "product",
            dev.tandem.events.product.ProductDeleted.class,
            "A product was deleted (only while CONCEPT and with nothing linked)."),
    FEATURE_CREATED("dev.tandem.feature.created.v1", Topics.PRODUCT, "feature",
            dev.tandem.events.product.FeatureCreated.class,
            "A feature was created (status IDEA)."),
    FEATURE_UPDATED("dev.tandem.feature.updated.v1", Topics.PRODUCT, "feature",
            dev.tandem.events.product.FeatureUpdated.class,
            "A feature's title, problem, RICE inputs, release or risk flag changed."),
    FEATURE_STATUS_CHANGED("dev.tandem.feature.status-changed.v1", Topics.PRODUCT, "feature",
            dev.tandem.events.product.FeatureStatusChanged.class,
            "A feature moved to another status (from, to, reason)."),
    FEATURE_REJECTED("dev.tandem.feature.rejected.v1", Topics.PRODUCT, "feature",
            dev.tandem.events.product.FeatureRejected.class,
            "A feature was rejected, with a reason."),
    FEATURE_DELETED("dev.tandem.feature.deleted.v1", Topics.PRODUCT, "feature",
            dev.tandem.events.product.FeatureDeleted.class,
            "A feature was deleted (only possible as IDEA)."),
    OBJECTIVE_CREATED("dev.tandem.objective.created.v1", Topics.PRODUCT, "objective",
            dev.tandem.events.product.ObjectiveCreated.class,
            "An objective of a product was created for a period (e.g. 2027-Q1)."),
    OBJECTIVE_UPDATED("dev.tandem.objective.updated.v1", Topics.PRODUCT, "objective",
            dev.tandem.events.product.ObjectiveUpdated.class,
            "An objective's title, description or period changed, or a key result was added; carries its key results with progress."),
    KEY_RESULT_MEASURED("dev.tandem.key-result.measured.v1", Topics.PRODUCT, "objective",
            dev.tandem.events.product.KeyResultMeasured.class,
            "A measurement of a key result was recorded (value, measuredAt, source, current, progress)."),
    PRODUCT_PIVOTED("dev.tandem.product.pivoted.v1", Topics.PRODUCT, "product",
            dev.tandem.events.product.ProductPivoted.class,
            "A product's vision and/or target segments changed as a pivot: before, after, rationale and evidence."),
    FEATURE_RELEASED("dev.tandem.feature.released.v1", Topics.PRODUCT, "feature",
            dev.tandem.events.product.FeatureReleased.class,
            "A DELIVERED feature was released with its release; feedback-service closes the loop with its customers."),
    RELEASE_CREATED("dev.tandem.release.created.v1", Topics.PRODUCT, "release",
            dev.tandem.events.product.ReleaseCreated.class,
            "A release of a product was planned (name, target date)."),
    RELEASE_UPDATED("dev.tandem.release.updated.v1", Topics.PRODUCT, "release",
            dev.tandem.events.product.ReleaseUpdated.class,
            "A planned release's name, description or target date changed."),
    RELEASE_RELEASED("dev.tandem.release.released.v1", Topics.PRODUCT, "release",
            dev.tandem.events.product.ReleaseReleased.class,
            "A release was released: its DELIVERED features became RELEASED, forced ones were moved out."),

    // ---- project-service (tandem.project.events) ----
    PROGRAM_CREATED("dev.tandem.program.created.v1", Topics.PROJECT, "program",
            dev.tandem.events.project.ProgramCreated.class,
            "A program (a group of projects) was created."),
    PROGRAM_UPDATED("dev.tandem.program.updated.v1", Topics.PROJECT, "program",
            dev.tandem.events.project.ProgramUpdated.class,
            "A program's key, name, description or owner changed."),
    PROJECT_CREATED("dev.tandem.project.created.v1", Topics.PROJECT, "project",
            dev.tandem.events.project.ProjectCreated.class,
            "A project was created, or proposed for a committed feature (status PROPOSED)."),
    PROJECT_UPDATED("dev.tandem.project.updated.v1", Topics.PROJECT, "project",
            dev.tandem.events.project.ProjectUpdated.class,
            "A project's fields (name, program, product, features, manager, scope, budget, dates) changed."),
    PROJECT_STATUS_CHANGED("dev.tandem.project.status-changed.v1", Topics.PROJECT, "project",
            dev.tandem.events.project.ProjectStatusChanged.class,
            "A project was approved, started, put on hold, resumed, completed or cancelled (from, to, reason)."),
    MILESTONE_REACHED("dev.tandem.milestone.reached.v1", Topics.PROJECT, "milestone",
            dev.tandem.events.project.MilestoneReached.class,
            "A project milestone was reached (reachedAt, dueDate, late, product and feature ids)."),
    MILESTONE_CREATED("dev.tandem.milestone.created.v1", Topics.PROJECT, "milestone",
            dev.tandem.events.project.MilestoneCreated.class,
            "A milestone was added to a project."),
    MILESTONE_UPDATED("dev.tandem.milestone.updated.v1", Topics.PROJECT, "milestone",
            dev.tandem.events.project.MilestoneUpdated.class,
            "A milestone's name or due date changed."),
    PROJECT_HEALTH_CHANGED("dev.tandem.project.health-changed.v1", Topics.PROJECT, "project",
            dev.tandem.events.project.ProjectHealthChanged.class,
            "A project's computed health or its reasons changed (from, to, every reason, CPI, SPI, product and feature ids)."),
    PROJECT_BUDGET_EXCEEDED("dev.tandem.project.budget-exceeded.v1", Topics.PROJECT, "project",
            dev.tandem.events.project.ProjectBudgetExceeded.class,
            "A project's actual cost passed its baseline budget; sent once per project."),
    TASK_CREATED("dev.tandem.task.created.v1", Topics.PROJECT, "task",
            dev.tandem.events.project.TaskCreated.class,
            "A task was added to a project (status TODO)."),
    TASK_UPDATED("dev.tandem.task.updated.v1", Topics.PROJECT, "task",
            dev.tandem.events.project.TaskUpdated.class,
            "A task's title, estimate, remaining hours, assignee, dates, milestone or dependencies changed."),
    TASK_STATUS_CHANGED("dev.tandem.task.status-changed.v1", Topics.PROJECT, "task",
            dev.tandem.events.project.TaskStatusChanged.class,
            "A task moved to another status (from, to, reason; DONE sets remaining hours to 0)."),
    MEMBER_ADDED("dev.tandem.member.added.v1", Topics.PROJECT, "member",
            dev.tandem.events.project.MemberAdded.class,
            "A person joined a project (role, allocation, hourly rate)."),
    MEMBER_UPDATED("dev.tandem.member.updated.v1", Topics.PROJECT, "member",
            dev.tandem.events.project.MemberUpdated.class,
            "A member's role, allocation or hourly rate changed."),
    TIME_RECORDED("dev.tandem.time.recorded.v1", Topics.PROJECT, "time-entry",
            dev.tandem.events.project.TimeRecorded.class,
            "Hours worked on a task were recorded, costed at the member's rate."),
    EXPENSE_RECORDED("dev.tandem.expense.recorded.v1", Topics.PROJECT, "expense",
            dev.tandem.events.project.ExpenseRecorded.class,
            "An expense of a project was recorded (amount, category)."),
    RISK_CREATED("dev.tandem.risk.created.v1", Topics.PROJECT, "risk",
            dev.tandem.events.project.RiskCreated.class,
            "A risk of a project was recorded (status OPEN)."),
    RISK_UPDATED("dev.tandem.risk.updated.v1", Topics.PROJECT, "risk",
            dev.tandem.events.project.RiskUpdated.class,
            "A risk's fields or status changed (OPEN, MITIGATED, CLOSED)."),

    // ---- feedback-service (tandem.feedback.events) ----
    CUSTOMER_CREATED("dev.tandem.customer.created.v1", Topics.FEEDBACK, "customer",
            dev.tandem.events.feedback.CustomerCreated.class,
            "A customer was created (CRM id, name, segment, tier, annual revenue, contact)."),
    CUSTOMER_UPDATED("dev.tandem.customer.updated.v1", Topics.FEEDBACK, "customer",
            dev.tandem.events.feedback.CustomerUpdated.class,
            "A customer changed; carries the previous annual revenue when the revenue changed."),
    FEEDBACK_RECEIVED("dev.tandem.feedback.received.v1", Topics.FEEDBACK, "feedback",
            dev.tandem.events.feedback.FeedbackReceived.class,
            "A feedback item was recorded (status NEW) with its computed sentiment."),
    FEEDBACK_UPDATED("dev.tandem.feedback.updated.v1", Topics.FEEDBACK, "feedback",
            dev.tandem.events.feedback.FeedbackUpdated.class,
            "A feedback item was triaged or edited (title, text, tags, owner, customer, product)."),
    FEEDBACK_STATUS_CHANGED("dev.tandem.feedback.status-changed.v1", Topics.FEEDBACK, "feedback",
            dev.tandem.events.feedback.FeedbackStatusChanged.class,
            "A feedback item moved to another status (from, to)."),
    FEEDBACK_TRIAGED("dev.tandem.feedback.triaged.v1", Topics.FEEDBACK, "feedback",
            dev.tandem.events.feedback.FeedbackTriaged.class,
            "A feedback item was triaged (moved into TRIAGED); sent with, not instead of, its status-changed event."),
    FEEDBACK_DELETED("dev.tandem.feedback.deleted.v1", Topics.FEEDBACK, "feedback",
            dev.tandem.events.feedback.FeedbackDeleted.class,
            "A feedback item was deleted; carries its last state."),
    FEEDBACK_LINKED("dev.tandem.feedback.linked.v1", Topics.FEEDBACK, "feedback",
            dev.tandem.events.feedback.FeedbackLinked.class,
            "A feedback item was linked to a feature, a link's importance changed, or a linked item's customer "
                    + "changed; carries the customer's annual revenue."),
    FEEDBACK_UNLINKED("dev.tandem.feedback.unlinked.v1", Topics.FEEDBACK, "feedback",
            dev.tandem.events.feedback.FeedbackUnlinked.class,
            "A feedback item's link to a feature was removed (also once per link before feedback.deleted)."),
    FEEDBACK_LOOP_CLOSED("dev.tandem.feedback.loop-closed.v1", Topics.FEEDBACK, "customer",
            dev.tandem.events.feedback.FeedbackLoopClosed.class,
            "A feature a customer asked for was released: one per customer and feature, with their feedback items."),
    COMMENT_ADDED("dev.tandem.comment.added.v1", Topics.FEEDBACK, "feedback",
            dev.tandem.events.feedback.CommentAdded.class,
            "A team member commented on a feedback item (author, discipline, text)."),
    COMMENT_EDITED("dev.tandem.comment.edited.v1", Topics.FEEDBACK, "feedback",
            dev.tandem.events.feedback.CommentEdited.class,
            "A comment on a feedback item was edited by its author."),
    NPS_SURVEY_CREATED("dev.tandem.nps.survey-created.v1", Topics.FEEDBACK, "nps-survey",
            dev.tandem.events.feedback.NpsSurveyCreated.class,
            "An NPS survey of a product was created (question, open window)."),
    NPS_RESPONSE_RECORDED("dev.tandem.nps.response-recorded.v1", Topics.FEEDBACK, "nps-survey",
            dev.tandem.events.feedback.NpsResponseRecorded.class,
            "A customer answered an NPS survey (score 0-10, category, comment and the feedback item it became)."),

    // ---- gateway (tandem.gateway.events) ----
    WEBHOOK_DISABLED("dev.tandem.webhook.disabled.v1", Topics.GATEWAY, "webhook",
            dev.tandem.events.gateway.WebhookDisabled.class,
            "The gateway disabled a webhook subscription whose deliveries kept failing (reason, since when)."),
    ;

    private final String type;
    private final String topic;
    private final String aggregateType;
    private final Class<?> payloadType;
    private final String description;

    EventType(String type, String topic, String aggregateType, Class<?> payloadType, String description) {
        this.type = type;
        this.topic = topic;
        this.aggregateType = aggregateType;
        this.payloadType = payloadType;
        this.description = description;
    }

    /** The CloudEvents {@code type}, e.g. {@code dev.tandem.product.created.v1}. */
    public String type() {
        return type;
    }

    public String topic() {
        return topic;
    }

    /** The kind of aggregate whose id is the record key and the CloudEvents {@code subject}. */
    public String aggregateType() {
        return aggregateType;
    }

    public Class<?> payloadType() {
        return payloadType;
    }

    public String description() {
        return description;
    }

    /** Classpath resource of the payload's JSON Schema. */
    public String schemaResource() {
        return "dev/tandem/events/schemas/" + type + ".schema.json";
    }

    public static Optional<EventType> of(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }

    public static List<EventType> onTopic(String topic) {
        return Arrays.stream(values()).filter(t -> t.topic.equals(topic)).toList();
    }
}
