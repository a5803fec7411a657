package dev.tandem.feedback.nps;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.tandem.platform.domain.DomainException;
import dev.tandem.platform.domain.DomainException.FieldIssue;
import dev.tandem.platform.persistence.AuthoredEntity;
import dev.tandem.platform.time.Now;

/** An NPS survey of one product, open for answers from {@code opensAt} (inclusive) to {@code closesAt} (exclusive). */
@Entity
@Table(name = "nps_survey")
public class NpsSurvey extends AuthoredEntity {

    @Id
    UUID id;

    @Column(name = "product_id", nullable = false)
    UUID productId;

    @Column(nullable = false, length = 500)
    String question;

    @Column(name = "opens_at", nullable = false)
    Instant opensAt;

    @Column(name = "closes_at", nullable = false)
    Instant closesAt;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Version
    long version;

    protected NpsSurvey() {
    }

    /** @throws DomainException 422 naming closesAt when the window is empty */
    /** The survey with this id; {@code NOT_FOUND} when there is none. */
    public static NpsSurvey require(UUID id) {
        NpsSurvey survey = findById(id);
        if (survey == null) {
            throw DomainException.notFound("NPS survey", id);
        }
        return survey;
    }

    static NpsSurvey create(UUID productId, String question, Instant opensAt, Instant closesAt) {
        if (!closesAt.isAfter(opensAt)) {
            throw DomainException.ruleBroken("closesAt must be after opensAt",
                    new FieldIssue("closesAt", "must be after opensAt"));
        }
        NpsSurvey s = new NpsSurvey();
        s.id = UUID.randomUUID();
        s.productId = productId;
        s.question = question.strip();
        s.opensAt = opensAt.truncatedTo(ChronoUnit.MICROS);
        s.closesAt = closesAt.truncatedTo(ChronoUnit.MICROS);
        s.createdAt = Now.instant();
        return s;
    }

    /** @throws DomainException 409 when {@code at} is outside the survey's window */
    void requireOpen(Instant at) {
        if (at.isBefore(opensAt) || !at.isBefore(closesAt)) {
            throw DomainException.conflict("the survey takes answers from " + opensAt + " until " + closesAt
                    + " only", new FieldIssue("surveyId", "not open at " + at));
        }
    }

    public UUID id() {
        return id;
    }

    public UUID productId() {
        return productId;
    }

    public String question() {
        return question;
    }

    public Instant opensAt() {
        return opensAt;
    }

    public Instant closesAt() {
        return closesAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public long version() {
        return version;
    }
}
