package io.visutility.server.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.visutility.tuning.SearchSpace;
import io.visutility.tuning.TunerException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a search space declared in a {@code .json}, {@code .yaml} or {@code .yml} file, in the format
 * {@link SearchSpace#fromMap} documents, and writes one back. Errors name the file and, for a bad
 * declaration, the parameter and field.
 */
public final class SearchSpaceFiles {
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private SearchSpaceFiles() {
    }

    /**
     * The space declared in {@code file}.
     *
     * @throws TunerException naming the file when it cannot be read, is not JSON/YAML of a map, has an
     *                        unsupported extension, or declares a bad parameter
     */
    public static SearchSpace read(Path file) {
        ObjectMapper mapper = mapperFor(file);
        Map<String, Object> declaration;
        try {
            declaration = mapper.readValue(file.toFile(), MAP);
        } catch (JacksonException e) {
            throw new TunerException("search space file " + file + " is not a valid map of parameters: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new TunerException("search space file " + file + " cannot be read: " + e);
        }
        if (declaration == null) {
            throw new TunerException("search space file " + file + " is empty");
        }
        try {
            return SearchSpace.fromMap(declaration);
        } catch (TunerException e) {
            throw new TunerException("search space file " + file + ": " + e.getMessage());
        }
    }

    /** Writes {@code space} to {@code file} in the format its extension names; {@link #read} gives it back. */
    public static void write(SearchSpace space, Path file) {
        try {
            Files.writeString(file, mapperFor(file).writerWithDefaultPrettyPrinter()
                    .writeValueAsString(space.toMap()));
        } catch (IOException e) {
            throw new TunerException("search space file " + file + " cannot be written: " + e);
        }
    }

    private static ObjectMapper mapperFor(Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return new ObjectMapper();
        }
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return new ObjectMapper(new YAMLFactory());
        }
        throw new TunerException("search space file " + file + " must end in .json, .yaml or .yml");
    }
}
