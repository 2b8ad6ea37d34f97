package io.visutility.server.http;

import io.javalin.http.HandlerType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ApiServerTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private ApiServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private void start(List<ApiSettings.TokenSpec> tokens) {
        RouteGroup group = () -> List.of(
                Route.of(HandlerType.GET, "/api/v1/read", Route.Role.READER, "read", null, List.of(200),
                        ctx -> ctx.json(Map.of("ok", true))),
                Route.of(HandlerType.POST, "/api/v1/write", Route.Role.WRITER, "write", "a JSON object", List.of(202),
                        ctx -> ctx.status(202).json(Map.of("bytes", ctx.body().length()))),
                Route.of(HandlerType.GET, "/api/v1/open", Route.Role.PUBLIC, "open", null, List.of(200),
                        ctx -> ctx.json(Map.of("open", true))));
        server = ApiServer.builder().settings(ApiSettings.loopback(0).withTokens(tokens).withMaxBodyBytes(2048))
                .group(group).start();
    }

    @Test
    void withoutTokensEveryRouteIsOpen() throws Exception {
        start(List.of());

        assertThat(send("GET", "/api/v1/read", null, null, null).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/v1/write", "{}", "application/json", null).statusCode()).isEqualTo(202);
    }

    @Test
    void tokensGateReadersAndWriters() throws Exception {
        start(List.of(new ApiSettings.TokenSpec(sha("r-secret"), Route.Role.READER),
                new ApiSettings.TokenSpec(sha("w-secret"), Route.Role.WRITER)));

        assertThat(send("GET", "/api/v1/open", null, null, null).statusCode()).isEqualTo(200);
        HttpResponse<String> anonymous = send("POST", "/api/v1/write", "{}", "application/json", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).contains("\"code\":\"UNAUTHENTICATED\"");
        assertThat(send("POST", "/api/v1/write", "{}", "application/json", "wrong").statusCode()).isEqualTo(401);
        assertThat(send("POST", "/api/v1/write", "{}", "application/json", "r-secret").statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/v1/write", "{}", "application/json", "w-secret").statusCode()).isEqualTo(202);
        assertThat(send("GET", "/api/v1/read", null, null, "r-secret").statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/v1/read", null, null, "w-secret").statusCode()).isEqualTo(200);
    }

    @Test
    void bodiesMustBeJsonAndSmallEnough() throws Exception {
        start(List.of());

        HttpResponse<String> text = send("POST", "/api/v1/write", "{}", "text/plain", null);
        HttpResponse<String> big = send("POST", "/api/v1/write", "x".repeat(4096), "application/json", null);

        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(text.body()).contains("\"field\":\"Content-Type\"");
        assertThat(big.statusCode()).isEqualTo(413);
    }

    @Test
    void unknownRoutesGetAJsonNotFound() throws Exception {
        start(List.of());

        HttpResponse<String> response = send("GET", "/api/v1/nothing", null, null, null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("\"code\":\"NOT_FOUND\"");
    }

    private HttpResponse<String> send(String method, String path, String body, String type, String token)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (type != null) {
            b.header("Content-Type", type);
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sha(String token) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    }
}
