package dev.tandem.devstack;

import dev.tandem.devstack.stack.StackEndpoints;

/**
 * The plug-in point for work the one-command run does once every service is ready and before it prints the
 * summary — meant for loading demo data through the gateway. Implementations are found with
 * {@link java.util.ServiceLoader} ({@code META-INF/services/dev.tandem.devstack.AfterReadyHook}); the one there is
 * {@link dev.tandem.devstack.demo.DemoData}. The admin API key of the run is in
 * {@code Stack.adminKeyFile(endpoints.dataDir())}.
 *
 * <p>An implementation should be idempotent (the data folder survives restarts) and throw with a clear message
 * when it cannot do its work; the devstack then stops and reports it.
 */
@FunctionalInterface
public interface AfterReadyHook {

    void afterReady(StackEndpoints endpoints) throws Exception;
}
