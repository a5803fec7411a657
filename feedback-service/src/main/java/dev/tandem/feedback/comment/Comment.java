package dev.tandem.feedback.comment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.tandem.platform.domain.DomainException;
import dev.tandem.platform.domain.DomainException.FieldIssue;
import dev.tandem.platform.security.Actor;
import dev.tandem.platform.persistence.AuthoredEntity;
import dev.tandem.platform.time.Now;

/**
 * A team member's comment on a feedback item. Its author is the caller who wrote it (createdBy, verified by the
 * gateway); only that caller edits it. A caller may record someone else's words: whose they are is kept as
 * onBehalfOf, next to the author, never instead of it.
 */
@Entity
@Table(name = "feedback_comment")
public class Comment extends AuthoredEntity {

    @Id
    UUID id;

    @Column(name = "feedback_id", nullable = false)
    UUID feedbackId;

    /** The author's name (the verified caller's); rows older than actors: what the client wrote. */
    @Column(nullable = false, length = 200)
    String author;

    /** Whose words the caller recorded, as the caller says. */
    @Column(name = "on_behalf_of", length = 200)
    String onBehalfOf;

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

    /**
     * A new comment of {@code author}, the verified caller: its createdBy, which {@link #edit} compares.
     *
     * @param onBehalfOf whose words the caller records, as it says; null or blank: its own
     */
    public static Comment create(UUID feedbackId, Actor author, String onBehalfOf, Discipline discipline,
                                 String text) {
        Comment c = new Comment();
        c.id = UUID.randomUUID();
        c.feedbackId = feedbackId;
        c.authoredBy(author);
        c.author = author.name();
        c.onBehalfOf = onBehalfOf == null || onBehalfOf.isBlank() ? null : onBehalfOf.strip();
        c.discipline = discipline;
        c.text = text.strip();
        c.createdAt = Now.instant();
        c.updatedAt = c.createdAt;
        return c;
    }

    /**
     * The author changes the text. Returns whether it changed.
     *
     * @param editor the verified caller; whatever name a body carries plays no part
     * @throws DomainException 403 when {@code editor} is not the caller who wrote the comment (a comment written
     *                          before authors were verified has none, and is no longer edited)
     */
    public boolean edit(Actor editor, String text) {
        if (!editor.sameAs(createdBy())) {
            throw DomainException.forbidden("only the comment's author (" + author
                    + ") edits it; the caller is " + editor.name() + " (" + editor.subject() + ")",
                    new FieldIssue("author", "the caller is not the comment's author"));
        }
        if (text.strip().equals(this.text)) {
            return false;
        }
        this.text = text.strip();
        this.updatedAt = Now.instant();
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

    public String onBehalfOf() {
        return onBehalfOf;
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
