package dev.tandem.events.feedback;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An amount of money in feedback-service's events.
 *
 * @param amount   decimal amount as a string with two decimals (e.g. {@code "120000.00"}), never negative
 * @param currency ISO 4217 currency code (e.g. {@code EUR})
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Money(String amount, String currency) {
}
