package io.visutility.registry;

/** No such model, version or alias. */
public class ModelNotFoundException extends RegistryException {

    /** Creates the exception. */
    public ModelNotFoundException(String message) {
        super(message);
    }
}
