package io.visutility.server.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/** A stand-in for the server in client tests: answers canned JSON per request and records what it got. */
final class FakeApi implements AutoCloseable {
    /** One request as received: the path is raw (still percent-encoded) and includes the query. */
    record Request(String method, String path, String body, String authorization, String contentType) {
    }

    private record Answer(int status, String body, String contentType) {
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, Queue<Answer>> queued = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    FakeApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The root URL to pass as {@code --server}. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers {@code method path} (path with its query, as sent) with {@code status} and JSON {@code body}. */
    FakeApi on(String method, String path, int status, String body) {
        answers.put(method + " " + path, new Answer(status, body, "application/json"));
        return this;
    }

    /** Queues a one-time answer to {@code method path}; queued answers go first, in order, then {@link #on}'s. */
    FakeApi next(String method, String path, int status, String body) {
        queued.computeIfAbsent(method + " " + path, k -> new ConcurrentLinkedQueue<>())
                .add(new Answer(status, body, "application/json"));
        return this;
    }

    /** Answers with a body that is not JSON. */
    FakeApi onText(String method, String path, int status, String body) {
        answers.put(method + " " + path, new Answer(status, body, "text/plain"));
        return this;
    }

    List<Request> requests() {
        return new ArrayList<>(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Request(exchange.getRequestMethod(), path, body,
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Content-Type")));
        String key = exchange.getRequestMethod() + " " + path;
        Answer next = queued.getOrDefault(key, new ConcurrentLinkedQueue<>()).poll();
        Answer answer = next != null ? next : answers.getOrDefault(key, new Answer(404,
                "{\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"no route " + exchange.getRequestMethod() + " "
                        + path + "\"}}", "application/json"));
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
