package io.visutility.server.config;

import io.visutility.server.app.ModelSpec;
import io.visutility.server.http.ApiSettings;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything {@code visutility serve} is configured with, after the file, the environment and the
 * command line have had their say.
 *
 * @param dataDir     the folder of the SQLite store (and, by default, of the artifacts)
 * @param postgres    the PostgreSQL store to use instead of SQLite, or null
 * @param artifacts   the artifact folder
 * @param api         where the HTTP server listens and whom it lets in
 * @param workers     retrains this instance runs at once
 * @param models      the models declared at start
 * @param kafka       the Kafka section as given (client properties and topics), or empty
 */
public record ServerConfig(Path dataDir, Postgres postgres, Path artifacts, ApiSettings api, int workers,
                           List<ModelSpec> models, Map<String, Object> kafka) {
    /** Copies the collections. */
    public ServerConfig {
        models = List.copyOf(models);
        kafka = Map.copyOf(kafka);
    }

    /**
     * A PostgreSQL store.
     *
     * @param url      the JDBC URL
     * @param user     the user, or null
     * @param password the password, or null (the environment variable VISUTILITY_PG_PASSWORD overrides it)
     */
    public record Postgres(String url, String user, String password) {
        @Override
        public String toString() {
            return "Postgres[url=" + url + ", user=" + user + ", password=" + (password == null ? "none" : "***") + "]";
        }
    }
}
