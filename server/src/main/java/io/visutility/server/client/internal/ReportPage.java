package io.visutility.server.client.internal;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * The report's {@code index.html}: the model now, its charts, its versions with their gate decisions, its
 * incidents and its promotions. Everything from the server is HTML-escaped.
 */
public final class ReportPage {
    /** File name of the page. */
    public static final String INDEX = "index.html";

    private static final String STYLE = "body{font-family:sans-serif;margin:2em;color:#222}"
            + "table{border-collapse:collapse;margin-bottom:2em}th,td{border:1px solid #ccc;padding:4px 8px;"
            + "text-align:left;vertical-align:top}th{background:#f3f3f3}img{max-width:100%;display:block;"
            + "margin-bottom:1.5em}.promoted{color:#2e7d32}.rejected{color:#c62828}";

    private ReportPage() {
    }

    /** The page for {@code data}, referencing the chart files in {@code charts}. */
    public static String render(ReportData data, List<String> charts) {
        StringBuilder html = new StringBuilder(8192);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(esc("Model " + data.name())).append("</title>\n<style>").append(STYLE)
                .append("</style>\n</head>\n<body>\n<h1>Model ").append(esc(data.name())).append("</h1>\n<p>From ")
                .append(esc(String.valueOf(data.server()))).append(" at ").append(esc(data.generatedAt().toString()))
                .append(".</p>\n");
        summary(html, data.model());
        html.append("<h2>Charts</h2>\n");
        if (charts.isEmpty()) {
            html.append("<p>No metric history or version metrics yet.</p>\n");
        }
        for (String chart : charts) {
            html.append("<img src=\"").append(esc(chart)).append("\" alt=\"").append(esc(chart)).append("\">\n");
        }
        versions(html, data.versions());
        events(html, "Incidents", data.events(ReportData.INCIDENTS));
        events(html, "Promotions", data.events(ReportData.PROMOTIONS));
        return html.append("</body>\n</html>\n").toString();
    }

    private static void summary(StringBuilder html, JsonNode model) {
        html.append("<h2>Now</h2>\n<table>\n");
        row(html, "th", "health", JsonPaths.text(model, "health", "state.health", "status.health", "state"));
        row(html, "th", "champion", JsonPaths.champion(model));
        JsonNode window = JsonPaths.first(model, "window", "state.window", "recentMetrics");
        if (window != null && window.isObject()) {
            row(html, "th", "window samples", JsonPaths.text(window, "samples"));
            row(html, "th", "window precision", JsonPaths.decimal(JsonPaths.number(window, "precision")));
            row(html, "th", "window recall", JsonPaths.decimal(JsonPaths.number(window, "recall")));
            row(html, "th", "window F1", JsonPaths.decimal(JsonPaths.number(window, "f1", "f1_score", "f1Score")));
        }
        row(html, "th", "active job", JsonPaths.text(model, "activeJobId", "activeJob", "state.activeJobId"));
        html.append("</table>\n");
    }

    private static void versions(StringBuilder html, List<JsonNode> versions) {
        html.append("<h2>Versions</h2>\n");
        if (versions.isEmpty()) {
            html.append("<p>No versions yet.</p>\n");
            return;
        }
        html.append("<table>\n<tr><th>version</th><th>created</th><th>aliases</th><th>sha256</th><th>parent</th>"
                + "<th>job</th><th>metrics</th><th>gate decision</th></tr>\n");
        for (JsonNode v : versions) {
            JsonNode decision = v.get("gateDecision");
            String gate = null;
            String css = "";
            if (decision != null && decision.isObject()) {
                boolean promote = decision.path("promote").asBoolean();
                css = promote ? "promoted" : "rejected";
                gate = (promote ? "promoted" : "rejected") + " by " + JsonPaths.text(decision, "rule") + ": "
                        + JsonPaths.text(decision, "reason");
            }
            html.append("<tr><td>v").append(esc(JsonPaths.text(v, "version"))).append("</td>");
            cell(html, JsonPaths.text(v, "createdAt"));
            cell(html, String.join(", ", JsonPaths.items(v, "aliases").stream().map(JsonNode::asText).toList()));
            cell(html, JsonPaths.text(v, "sha256"));
            String parent = JsonPaths.text(v, "lineage.parentVersion");
            cell(html, parent == null ? null : "v" + parent);
            cell(html, JsonPaths.text(v, "lineage.jobId"));
            cell(html, metrics(v.get("metrics")));
            html.append(css.isEmpty() ? "<td>" : "<td class=\"" + css + "\">").append(esc(gate))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static void events(StringBuilder html, String title, List<JsonNode> events) {
        html.append("<h2>").append(title).append("</h2>\n");
        if (events.isEmpty()) {
            html.append("<p>None logged.</p>\n");
            return;
        }
        html.append("<table>\n<tr><th>time</th><th>event</th><th>details</th></tr>\n");
        for (JsonNode e : events) {
            html.append("<tr>");
            cell(html, JsonPaths.text(e, "time"));
            cell(html, JsonPaths.text(e, "type"));
            cell(html, details(e));
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }

    /** What an event says beyond its type, id, model and time. */
    static String details(JsonNode event) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) event::fields) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (List.of("type", "id", "model", "time", "position").contains(name) || value.isNull()
                    || value.isContainerNode() && value.isEmpty()) {
                continue;
            }
            text.append(text.length() == 0 ? "" : "; ").append(name).append(": ")
                    .append(value.isNumber() && !value.isIntegralNumber() ? JsonPaths.decimal(value.asDouble())
                            : value.isValueNode() ? value.asText() : value.toString());
        }
        return text.toString();
    }

    private static String metrics(JsonNode metrics) {
        if (metrics == null || !metrics.isObject()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        metrics.fields().forEachRemaining(m -> text.append(text.length() == 0 ? "" : ", ").append(m.getKey())
                .append(' ').append(m.getValue().isNumber() ? JsonPaths.decimal(m.getValue().asDouble())
                        : m.getValue().asText()));
        return text.toString();
    }

    private static void row(StringBuilder html, String head, String name, String value) {
        html.append("<tr><").append(head).append('>').append(esc(name)).append("</").append(head).append('>');
        cell(html, value);
        html.append("</tr>\n");
    }

    private static void cell(StringBuilder html, String value) {
        html.append("<td>").append(esc(value)).append("</td>");
    }

    /** HTML-escapes text from the server; null shows as a dash. */
    static String esc(String text) {
        if (text == null) {
            return "-";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
