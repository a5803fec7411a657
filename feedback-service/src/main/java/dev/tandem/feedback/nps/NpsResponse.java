package dev.tandem.feedback.nps;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.tandem.platform.persistence.AuthoredEntity;
import dev.tandem.platform.time.Now;

/** A customer's answer to a survey: one per customer and survey. */
@Entity
@Table(name = "nps_response")
public class NpsResponse extends AuthoredEntity {

    @Id
    UUID id;

    @Column(name = "survey_id", nullable = false)
    UUID surveyId;

    @Column(name = "customer_id", nullable = false)
    UUID customerId;

    @Column(nullable = false)
    short score;

    String comment;

    @Column(name = "feedback_id")
    UUID feedbackId;

    @Column(name = "responded_at", nullable = false)
    Instant respondedAt;

    protected NpsResponse() {
    }

    static NpsResponse create(UUID surveyId, UUID customerId, int score, String comment) {
        Nps.Category.of(score);
        NpsResponse r = new NpsResponse();
        r.id = UUID.randomUUID();
        r.surveyId = surveyId;
        r.customerId = customerId;
        r.score = (short) score;
        r.comment = comment == null || comment.isBlank() ? null : comment.strip();
        r.respondedAt = Now.instant();
        return r;
    }

    static NpsResponse of(UUID surveyId, UUID customerId) {
        return find("surveyId = ?1 and customerId = ?2", surveyId, customerId).firstResult();
    }

    public UUID id() {
        return id;
    }

    public UUID surveyId() {
        return surveyId;
    }

    public UUID customerId() {
        return customerId;
    }

    public int score() {
        return score;
    }

    public Nps.Category category() {
        return Nps.Category.of(score);
    }

    public String comment() {
        return comment;
    }

    public UUID feedbackId() {
        return feedbackId;
    }

    public Instant respondedAt() {
        return respondedAt;
    }
}
