package io.visutility.registry;

/** A name, version, alias or checksum handed to the registry is malformed; names the field and value. */
public class InvalidArgumentException extends RegistryException {
    private final String field;

    /** Creates the exception for {@code field}. */
    public InvalidArgumentException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The name of the rejected field. */
    public String field() {
        return field;
    }
}
