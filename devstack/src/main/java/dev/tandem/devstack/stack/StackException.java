package dev.tandem.devstack.stack;

/**
 * A failure to start or run the stack, with a message written for the person at the terminal (what failed, and
 * what to do about it). The cause, if any, is kept for debugging.
 */
public class StackException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
