package io.visutility.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.HandlerType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpenApiRoutesTest {
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");

    @TempDir
    Path data;
    private RoutesFixture api;

    @AfterEach
    void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void theDocumentListsEveryRegisteredRouteAndNothingElse() {
        api = RoutesFixture.start(data, Duration.ZERO);

        HttpResponse<String> response = api.get(OpenApiRoutes.PATH);
        JsonNode doc = RoutesFixture.json(response);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(doc.get("openapi").asText()).isEqualTo("3.0.3");
        assertThat(doc.get("info").get("title").asText()).isNotBlank();
        assertThat(doc.get("info").get("version").asText()).isNotBlank();
        Set<String> registered = new HashSet<>();
        for (Route route : api.server.routes()) {
            registered.add(route.method().name() + " " + OpenApiDocument.openApiPath(route.path()));
        }
        Set<String> described = new HashSet<>();
        doc.get("paths").properties().forEach(path -> path.getValue().fieldNames().forEachRemaining(
                method -> described.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        assertThat(described).isEqualTo(registered)
                .contains("GET /api/v1/health", "GET /api/v1/openapi.json", "GET /api/v1/events/stream",
                        "PUT /api/v1/models/{name}/aliases/{alias}", "POST /api/v1/jobs/{id}/cancel");
    }

    @Test
    void everyOperationDeclaresItsPathParametersResponsesAndAUniqueId() {
        api = RoutesFixture.start(data, Duration.ZERO);
        JsonNode doc = RoutesFixture.json(api.get(OpenApiRoutes.PATH));

        Set<String> ids = new HashSet<>();
        List<String> problems = new ArrayList<>();
        doc.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            String where = op.getKey() + " " + path.getKey();
            if (!ids.add(op.getValue().get("operationId").asText())) {
                problems.add(where + ": operationId repeats");
            }
            if (op.getValue().get("responses").isEmpty()) {
                problems.add(where + ": no responses");
            }
            Matcher m = PATH_PARAM.matcher(path.getKey());
            while (m.find()) {
                String name = m.group(1);
                boolean declared = op.getValue().has("parameters") && java.util.stream.StreamSupport
                        .stream(op.getValue().get("parameters").spliterator(), false)
                        .anyMatch(p -> p.get("in").asText().equals("path") && p.get("name").asText().equals(name)
                                && p.get("required").asBoolean());
                if (!declared) {
                    problems.add(where + ": path parameter " + name + " is not declared");
                }
            }
        }));

        assertThat(problems).isEmpty();
    }

    @Test
    void operationsCarryBodiesRolesQueriesAndTheErrorShape() {
        api = RoutesFixture.start(data, Duration.ZERO);
        JsonNode paths = RoutesFixture.json(api.get(OpenApiRoutes.PATH)).get("paths");

        JsonNode setAlias = paths.get("/api/v1/models/{name}/aliases/{alias}").get("put");
        assertThat(setAlias.get("requestBody").get("content").has("application/json")).isTrue();
        assertThat(setAlias.get("x-required-role").asText()).isEqualTo("writer");
        assertThat(setAlias.get("security").get(0).has("bearerAuth")).isTrue();
        assertThat(setAlias.get("responses").fieldNames()).toIterable()
                .contains("200", "400", "401", "403", "404", "409", "413", "415");
        assertThat(setAlias.get("responses").get("409").get("content").get("application/json").get("schema")
                .get("$ref").asText()).isEqualTo("#/components/schemas/Error");

        JsonNode versions = paths.get("/api/v1/models/{name}/versions").get("get");
        assertThat(versions.get("x-required-role").asText()).isEqualTo("reader");
        assertThat(versions.get("responses").has("403")).isFalse();
        assertThat(versions.get("parameters")).extracting(p -> p.get("name").asText())
                .contains("name", "pageToken", "limit");
        assertThat(versions.has("requestBody")).isFalse();

        JsonNode version = paths.get("/api/v1/models/{name}/versions/{version}").get("get");
        assertThat(version.get("parameters")).anySatisfy(p -> {
            assertThat(p.get("name").asText()).isEqualTo("version");
            assertThat(p.get("schema").get("type").asText()).isEqualTo("integer");
        });
        assertThat(paths.get("/api/v1/models/{name}/versions/{version}/artifact").get("get").get("responses")
                .get("200").get("content").has("application/octet-stream")).isTrue();
        assertThat(paths.get("/api/v1/events/stream").get("get").get("responses").get("200").get("content")
                .has("text/event-stream")).isTrue();
        JsonNode health = paths.get("/api/v1/health").get("get");
        assertThat(health.get("security")).isEmpty();
        assertThat(health.has("x-required-role")).isFalse();
    }

    @Test
    void javalinParametersAreWrittenInOpenApiFormAndTwoRoutesForOneOperationAreRefused() {
        Route angle = Route.of(HandlerType.GET, "/api/v1/things/<id>/parts/{part}", Route.Role.READER, "a part", null,
                List.of(200), ctx -> { });

        ObjectNode doc = OpenApiDocument.of(List.of(angle));

        assertThat(doc.get("paths").has("/api/v1/things/{id}/parts/{part}")).isTrue();
        assertThatThrownBy(() -> OpenApiDocument.of(List.of(angle, angle)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two routes");
    }

    @Test
    void theStandardGroupsEndWithTheDescriptionOfAllOfThem() {
        api = RoutesFixture.start(data, Duration.ZERO);

        List<RouteGroup> groups = Api.standardGroups(api.orchestrator);

        assertThat(groups.get(0)).isInstanceOf(HealthRoutes.class);
        assertThat(groups.get(groups.size() - 1)).isInstanceOf(OpenApiRoutes.class);
        assertThat(groups).hasAtLeastOneElementOfType(RegistryRoutes.class).hasAtLeastOneElementOfType(JobRoutes.class)
                .hasAtLeastOneElementOfType(EventRoutes.class);
        List<String> keys = new ArrayList<>();
        groups.forEach(g -> g.routes().forEach(r -> keys.add(r.method() + " " + r.path())));
        assertThat(keys).doesNotHaveDuplicates();
        groups.stream().filter(g -> g instanceof AutoCloseable).forEach(g -> {
            try {
                ((AutoCloseable) g).close();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }
}
