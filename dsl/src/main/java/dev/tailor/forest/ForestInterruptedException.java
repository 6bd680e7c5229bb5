package dev.tailor.forest;

/**
 * Training or prediction stopped because the calling thread was interrupted. No partial result is returned, every
 * worker thread has stopped, and the thread's interrupt flag is set again.
 */
public class ForestInterruptedException extends RuntimeException {

    public ForestInterruptedException(String message) {
        super(message);
    }
}
