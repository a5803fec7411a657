package dev.tandem.platform.security;

/** A token that is not acceptable; the message says why (safe to show: it never contains the token). */
public class InvalidTokenException extends Exception {

    public InvalidTokenException(String message) {
        super(message);
    }
}
