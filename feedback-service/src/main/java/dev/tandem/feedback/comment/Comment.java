package dev.tandem.feedback.comment;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.tandem.platform.problem.Problem;
import dev.tandem.platform.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A team member's comment on a feedback item. Only its author edits it. */
@Entity
@Table(name = "feedback_comment")
public class Comment extends PanacheEntityBase {

    @Id
    UUID id;

    @Column(name = "feedback_id", nullable = false)
    UUID feedbackId;

    @Column(nullable = false, length = 200)
    String author;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    Discipline discipline;

    @Column(nullable = false)
    String text;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Version
    long version;

    protected Comment() {
    }

    public static Comment create(UUID feedbackId, String author, Discipline discipline, String text) {
        Comment c = new Comment();
        c.id = UUID.randomUUID();
        c.feedbackId = feedbackId;
        c.author = author.strip();
        c.discipline = discipline;
        c.text = text.strip();
        c.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        c.updatedAt = c.createdAt;
        return c;
    }

    /**
     * The author changes the text. Returns whether it changed.
     *
     * @throws ProblemException 403 naming {@code author} when {@code editor} is not the comment's author
     */
    public boolean edit(String editor, String text) {
        if (!author.equalsIgnoreCase(editor.strip())) {
            throw new ProblemException(403, "forbidden", "Forbidden", "only the author (" + author
                    + ") edits this comment", List.of(new Problem.FieldError("author", "not the comment's author")));
        }
        if (text.strip().equals(this.text)) {
            return false;
        }
        this.text = text.strip();
        this.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return true;
    }

    /** An item's comments in the order they were written, strictly after the (createdAt, id) keyset position. */
    static List<Comment> page(UUID feedbackId, Instant afterCreatedAt, UUID afterId, int fetchSize) {
        return afterCreatedAt == null
                ? find("feedbackId = ?1 order by createdAt, id", feedbackId).page(0, fetchSize).list()
                : find("feedbackId = ?1 and (createdAt > ?2 or (createdAt = ?2 and id > ?3)) order by createdAt, id",
                        feedbackId, afterCreatedAt, afterId).page(0, fetchSize).list();
    }

    public UUID id() {
        return id;
    }

    public UUID feedbackId() {
        return feedbackId;
    }

    public String author() {
        return author;
    }

    public Discipline discipline() {
        return discipline;
    }

    public String text() {
        return text;
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
}
