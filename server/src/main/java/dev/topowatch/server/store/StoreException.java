package dev.topowatch.server.store;

/** A read from the store failed; the message says what could not be read. */
public final class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message + ": " + cause.getMessage(), cause);
    }
}
