package io.visutility.registry;

/** An artifact's bytes no longer hash to the sha256 they are stored under. */
public class ArtifactCorruptedException extends RegistryException {

    /** Creates the exception; the message names the sha256. */
    public ArtifactCorruptedException(String message) {
        super(message);
    }
}
