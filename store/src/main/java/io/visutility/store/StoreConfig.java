package io.visutility.store;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a {@link Store} keeps its data.
 *
 * @param jdbcUrl      {@code jdbc:sqlite:...} or {@code jdbc:postgresql:...}
 * @param user         database user, or null (SQLite)
 * @param password     database password, or null
 * @param artifactsDir directory holding the model artifacts
 */
public record StoreConfig(String jdbcUrl, String user, String password, Path artifactsDir) {

    /** Validates the URL and the artifacts directory. */
    public StoreConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(artifactsDir, "artifactsDir");
        if (!jdbcUrl.startsWith("jdbc:sqlite:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("jdbcUrl must start with jdbc:sqlite: or jdbc:postgresql:, was "
                    + jdbcUrl);
        }
    }

    /** The password is never printed. */
    @Override
    public String toString() {
        return "StoreConfig[jdbcUrl=" + jdbcUrl + ", user=" + user + ", artifactsDir=" + artifactsDir + "]";
    }
}
