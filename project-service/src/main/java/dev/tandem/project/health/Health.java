package dev.tandem.project.health;

/** A project's health, worst last. */
public enum Health {
    GREEN, AMBER, RED;

    public Health worse(Health other) {
        return other != null && other.ordinal() > ordinal() ? other : this;
    }
}
