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
            "A product moved to another lifecycle stage (from, to, reason, changedBy)."),
    PRODUCT_DELETED("dev.tandem.product.deleted.v1", Topics.PRODUCT, "product",
            dev.tandem.events.product.ProductDeleted.class,
            "A product was deleted (only while CONCEPT and with nothing linked)."),
    FEATURE_CREATED("dev.tandem.feature.created.v1", Topics.PRODUCT, "feature",
            dev.tandem.events.product.FeatureCreated.class,
            "A feature was created (status IDEA)."),
    FEATURE_UPDATED("dev.tandem.feature.updated.v1", Topics.PRODUCT, "feature",
            dev.tandem.events.product.FeatureUpdated.class,
            "A feature's title, problem or RICE inputs changed."),
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
    FEEDBACK_DELETED("dev.tandem.feedback.deleted.v1", Topics.FEEDBACK, "feedback",
            dev.tandem.events.feedback.FeedbackDeleted.class,
            "A feedback item was deleted; carries its last state."),
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
