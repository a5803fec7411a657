package dev.tandem.feedback.customer;

/**
 * A customer's commercial tier: STARTER (self-serve, small contracts), GROWTH (mid-size, account-managed) and
 * ENTERPRISE (large contracts, dedicated success manager). Tiers are a coarse weight for triage; the precise weight
 * is the annual revenue.
 */
public enum Tier {
    STARTER, GROWTH, ENTERPRISE
}
