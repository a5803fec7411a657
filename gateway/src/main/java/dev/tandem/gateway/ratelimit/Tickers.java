package dev.tandem.gateway.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import com.github.benmanes.caffeine.cache.Ticker;

/**
 * The time source of the gateway's budgets (the per-caller rate limit and the failed-authentication budget per
 * address): {@link System#nanoTime()} in production. One bean, so a test can hold time still or move it on instead of
 * racing the wall clock (a bucket that refills at 2 a second refills during a slow test run too).
 */
@ApplicationScoped
public class Tickers {

    @Produces
    @ApplicationScoped
    Ticker ticker() {
        return Ticker.systemTicker();
    }
}
