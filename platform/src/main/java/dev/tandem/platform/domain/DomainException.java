package dev.tandem.platform.domain;

import java.util.List;

/**
 * A change the domain refuses, said in the domain's words: entities and application services throw it, and know
 * nothing of HTTP. The platform's web layer ({@code platform.web.ProblemMappers}) answers each {@link Kind} with
 * its problem+json status, the {@link FieldIssue}s as the problem's field errors.
 *
 * <p>Use the factories: they fix the kind, so the same situation always reads the same.
 */
public class DomainException extends RuntimeException {

    /** What kind of refusal; the web layer gives each its status (in brackets). */
    public enum Kind {
        /** A value is not acceptable for the record itself: missing, out of range, malformed (400). */
        INVALID,
        /** The record named does not exist (404). */
        NOT_FOUND,
        /** The change conflicts with the record's current state: a duplicate, an illegal state change (409). */
        CONFLICT,
        /** Well-formed, but breaks a business rule across records or names something unknown (422). */
        RULE_BROKEN,
        /** The actor may not make this change, whoever else may (e.g. only its author edits a comment) (403). */
        FORBIDDEN
    }

    /** A field the refusal is about and what is wrong with it (the problem's {@code errors[]}). */
    public record FieldIssue(String field, String message) {
    }

    private final Kind kind;
    private final transient List<FieldIssue> issues;

    public DomainException(Kind kind, String detail, List<FieldIssue> issues) {
        super(detail);
        this.kind = kind;
        this.issues = issues == null ? List.of() : List.copyOf(issues);
    }

    public Kind kind() {
        return kind;
    }

    public List<FieldIssue> issues() {
        return issues;
    }

    /** A value is not acceptable for the record itself. */
    public static DomainException invalid(String detail, FieldIssue... issues) {
        return new DomainException(Kind.INVALID, detail, List.of(issues));
    }

    /** {@code what} with id {@code id} does not exist. */
    public static DomainException notFound(String what, Object id) {
        return new DomainException(Kind.NOT_FOUND, what + " " + id + " does not exist", List.of());
    }

    /** The change conflicts with the record's current state. */
    public static DomainException conflict(String detail, FieldIssue... issues) {
        return new DomainException(Kind.CONFLICT, detail, List.of(issues));
    }

    /** The actor may not make this change. */
    public static DomainException forbidden(String detail, FieldIssue... issues) {
        return new DomainException(Kind.FORBIDDEN, detail, List.of(issues));
    }

    /** Well-formed, but breaks a business rule or names something unknown. */
    public static DomainException ruleBroken(String detail, FieldIssue... issues) {
        return new DomainException(Kind.RULE_BROKEN, detail, List.of(issues));
    }
}
