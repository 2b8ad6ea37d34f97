package io.visutility.server.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.visutility.registry.InvalidArgumentException;
import io.visutility.server.app.ModelSpec;
import io.visutility.server.app.ModelSpecs;
import io.visutility.server.http.ApiSettings;
import io.visutility.server.http.Route;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the YAML configuration of {@code visutility serve} (see {@code docs/configuration.md}). Unknown
 * keys and bad values fail with the key path and the value, such as {@code server.port: must be within
 * [0, 65535], was 70000}. Secrets come from the environment when set: {@code VISUTILITY_PG_PASSWORD}
 * and {@code VISUTILITY_TOKENS} (a comma-separated list of {@code sha256:role}).
 */
public final class ConfigLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> TOP = Set.of("storage", "artifacts", "server", "auth", "models", "kafka");
    private static final Set<String> STORAGE = Set.of("type", "dataDir", "url", "user", "password");
    private static final Set<String> ARTIFACTS = Set.of("dir");
    private static final Set<String> SERVER = Set.of("bind", "port", "maxBodyBytes", "workers");
    private static final Set<String> AUTH = Set.of("tokens");
    private static final Set<String> TOKEN = Set.of("sha256", "role");

    private ConfigLoader() {
    }

    /** Reads {@code file} (null for none: every default), with {@code env} as the environment. */
    public static ServerConfig load(Path file, Map<String, String> env) {
        Map<String, Object> root = file == null ? Map.of() : read(file);
        return fromMap(root, env);
    }

    /** Builds the configuration from the YAML's map form. */
    public static ServerConfig fromMap(Map<String, Object> root, Map<String, String> env) {
        known(root, TOP, "");
        Map<String, Object> storage = section(root, "storage");
        known(storage, STORAGE, "storage");
        String type = text(storage, "type", "sqlite", "storage");
        Path dataDir = Path.of(text(storage, "dataDir", "visutility-data", "storage"));
        ServerConfig.Postgres postgres = null;
        if (type.equals("postgres")) {
            String url = text(storage, "url", null, "storage");
            if (url == null || !url.startsWith("jdbc:postgresql:")) {
                throw new ConfigException("storage.url: must be a jdbc:postgresql: URL for type postgres, was " + url);
            }
            String password = env.getOrDefault("VISUTILITY_PG_PASSWORD", text(storage, "password", null, "storage"));
            postgres = new ServerConfig.Postgres(url, text(storage, "user", null, "storage"), password);
        } else if (!type.equals("sqlite")) {
            throw new ConfigException("storage.type: must be sqlite or postgres, was " + type);
        } else if (storage.containsKey("url")) {
            throw new ConfigException("storage.url: only for type postgres");
        }
        Map<String, Object> artifacts = section(root, "artifacts");
        known(artifacts, ARTIFACTS, "artifacts");
        String artifactsDir = text(artifacts, "dir", null, "artifacts");
        if (artifactsDir == null && postgres != null) {
            throw new ConfigException("artifacts.dir: required with a postgres store (a folder every instance shares)");
        }
        Path artifactsPath = artifactsDir == null ? dataDir.resolve("artifacts") : Path.of(artifactsDir);

        Map<String, Object> server = section(root, "server");
        known(server, SERVER, "server");
        String bind = text(server, "bind", "127.0.0.1", "server");
        int port = (int) whole(server, "port", 7070, 0, 65_535, "server");
        long maxBody = whole(server, "maxBodyBytes", ApiSettings.DEFAULT_MAX_BODY, 1_024, 1L << 30, "server");
        int workers = (int) whole(server, "workers", 1, 1, 64, "server");

        List<ApiSettings.TokenSpec> tokens = tokens(section(root, "auth"), env);
        List<ModelSpec> models = new ArrayList<>();
        section(root, "models").forEach((name, value) -> {
            if (!(value instanceof Map<?, ?>)) {
                throw new ConfigException("models." + name + ": must be a map, was " + value);
            }
            try {
                @SuppressWarnings("unchecked")
                Map<String, ?> spec = (Map<String, ?>) value;
                models.add(ModelSpecs.fromMap(name, spec, "models." + name));
            } catch (InvalidArgumentException e) {
                throw new ConfigException(e.getMessage());
            }
        });
        Map<String, Object> kafka = section(root, "kafka");
        if (!kafka.isEmpty() && !(kafka.get("bootstrap.servers") instanceof String)) {
            throw new ConfigException("kafka.bootstrap.servers: required when the kafka section is present");
        }
        return new ServerConfig(dataDir, postgres, artifactsPath, new ApiSettings(bind, port, maxBody, tokens),
                workers, models, kafka);
    }

    private static List<ApiSettings.TokenSpec> tokens(Map<String, Object> auth, Map<String, String> env) {
        known(auth, AUTH, "auth");
        List<ApiSettings.TokenSpec> tokens = new ArrayList<>();
        String fromEnv = env.get("VISUTILITY_TOKENS");
        if (fromEnv != null && !fromEnv.isBlank()) {
            String[] items = fromEnv.split(",");
            for (int i = 0; i < items.length; i++) {
                String[] parts = items[i].trim().split(":");
                if (parts.length != 2) {
                    throw new ConfigException("VISUTILITY_TOKENS[" + i + "]: must be sha256:role, was a value with "
                            + parts.length + " parts");
                }
                tokens.add(token(parts[0], parts[1], "VISUTILITY_TOKENS[" + i + "]"));
            }
            return tokens;
        }
        Object list = auth.get("tokens");
        if (list == null) {
            return tokens;
        }
        if (!(list instanceof List<?> items)) {
            throw new ConfigException("auth.tokens: must be a list, was " + list);
        }
        for (int i = 0; i < items.size(); i++) {
            String path = "auth.tokens[" + i + "]";
            if (!(items.get(i) instanceof Map<?, ?> m)) {
                throw new ConfigException(path + ": must be a map of sha256 and role");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> item = (Map<String, Object>) m;
            known(item, TOKEN, path);
            tokens.add(token(text(item, "sha256", "", path), text(item, "role", "", path), path));
        }
        return tokens;
    }

    private static ApiSettings.TokenSpec token(String sha, String role, String path) {
        Route.Role parsed = switch (role.trim().toLowerCase(Locale.ROOT)) {
            case "reader" -> Route.Role.READER;
            case "writer" -> Route.Role.WRITER;
            default -> throw new ConfigException(path + ".role: must be reader or writer, was " + role);
        };
        try {
            return new ApiSettings.TokenSpec(sha.trim().toLowerCase(Locale.ROOT), parsed);
        } catch (IllegalArgumentException e) {
            // The hash is not echoed: a misplaced token in clear must not reach the logs.
            throw new ConfigException(path + ".sha256: must be 64 hex digits (the SHA-256 of the token), had "
                    + sha.trim().length() + " characters");
        }
    }

    private static Map<String, Object> read(Path file) {
        try {
            Map<String, Object> root = YAML.readValue(Files.readString(file), new TypeReference<>() {
            });
            return root == null ? Map.of() : root;
        } catch (JsonProcessingException e) {
            throw new ConfigException(file + ": not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot be read: " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> root, String key) {
        Object value = root.get(key);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> m)) {
            throw new ConfigException(key + ": must be a map, was " + value);
        }
        return new LinkedHashMap<>((Map<String, Object>) m);
    }

    private static void known(Map<String, Object> map, Set<String> keys, String path) {
        for (String key : map.keySet()) {
            if (!keys.contains(key)) {
                throw new ConfigException((path.isEmpty() ? key : path + "." + key) + ": unknown key (known: "
                        + String.join(", ", keys.stream().sorted().toList()) + ")");
            }
        }
    }

    private static String text(Map<String, Object> map, String key, String fallback, String path) {
        Object value = map.get(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof String s) || s.isBlank()) {
            throw new ConfigException(path + "." + key + ": must be a non-blank string, was " + value);
        }
        return s;
    }

    private static long whole(Map<String, Object> map, String key, long fallback, long min, long max, String path) {
        Object value = map.get(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Integer || value instanceof Long)) {
            throw new ConfigException(path + "." + key + ": must be a whole number, was " + value);
        }
        long v = ((Number) value).longValue();
        if (v < min || v > max) {
            throw new ConfigException(path + "." + key + ": must be within [" + min + ", " + max + "], was " + v);
        }
        return v;
    }
}
