package dev.tandem.events.project;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An amount of money as Tandem's events carry it.
 *
 * @param amount   decimal amount as a string, two decimals, e.g. {@code "120000.00"}
 * @param currency ISO 4217 currency code, e.g. {@code "EUR"}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Money(String amount, String currency) {
}
