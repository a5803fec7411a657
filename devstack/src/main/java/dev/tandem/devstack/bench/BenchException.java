package dev.tandem.devstack.bench;

/** A real error that ends the benchmark (exit code 1): not a slow number, but e.g. a failed seed request or wrk. */
public final class BenchException extends RuntimeException {

    public BenchException(String message) {
        super(message);
    }

    public BenchException(String message, Throwable cause) {
        super(message, cause);
    }
}
