package io.visutility.registry;

/** A compare-and-set on an alias found another version than the caller expected; nothing changed. */
public class AliasConflictException extends RegistryException {
    private final Integer actual;

    /** Creates the exception; {@code actual} is the version the alias pointed to (null: unset). */
    public AliasConflictException(String message, Integer actual) {
        super(message);
        this.actual = actual;
    }

    /** The version the alias actually pointed to, or null when it was unset. */
    public Integer actual() {
        return actual;
    }
}
