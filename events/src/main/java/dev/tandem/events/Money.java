package dev.tandem.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An amount of money as every Tandem event carries it (one type for all topics).
 *
 * @param amount   decimal amount as a string, two decimals, e.g. {@code "120000.00"}
 * @param currency ISO 4217 currency code, e.g. {@code "EUR"}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Money(String amount, String currency) {
}
