package dev.tailor.kernel.cli;

/** A command line that does not fit the usage; the message says what is off. */
final class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message);
    }
}
