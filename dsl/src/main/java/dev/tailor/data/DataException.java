package dev.tailor.data;

/**
 * Bad input data: a missing column, a missing value, a wrong type, an arm with no units. The message says
 * what is wrong, where, and what to do, in its first sentence, so it reads well without a stack trace.
 */
public class DataException extends IllegalArgumentException {

    public DataException(String message) {
        super(message);
    }
}
