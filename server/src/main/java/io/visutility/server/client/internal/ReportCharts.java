package io.visutility.server.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.function.ToDoubleFunction;

/** The report's PNG charts, drawn with XChart without a display. */
public final class ReportCharts {
    /** File name of the metric history chart. */
    public static final String HISTORY = "metrics.png";
    /** File name of the per-version metrics chart. */
    public static final String VERSIONS = "versions.png";

    private static final int WIDTH = 960;
    private static final int HEIGHT = 480;
    private static final Color DRIFT = new Color(0xC6, 0x28, 0x28);
    private static final Color PROMOTION = new Color(0x2E, 0x7D, 0x32);

    private ReportCharts() {
    }

    /**
     * Writes the charts there is data for into {@code dir}.
     *
     * @return the file names written, in order
     */
    public static List<String> write(ReportData data, Path dir) throws IOException {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        List<String> written = new ArrayList<>();
        XYChart history = history(data);
        if (history != null) {
            save(history, dir.resolve(HISTORY));
            written.add(HISTORY);
        }
        XYChart versions = versions(data);
        if (versions != null) {
            save(versions, dir.resolve(VERSIONS));
            written.add(VERSIONS);
        }
        return written;
    }

    /** The metric history over time, with drift alarms and promotions marked; null without any point. */
    static XYChart history(ReportData data) {
        List<ReportData.Point> points = data.history();
        if (points.isEmpty()) {
            return null;
        }
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title("Metric history of " + data.name())
                .xAxisTitle("time (UTC)").yAxisTitle("window mean").build();
        style(chart);
        chart.getStyler().setDatePattern(datePattern(data, points));
        chart.getStyler().setTimezone(TimeZone.getTimeZone("UTC"));
        line(chart, "F1", points, ReportData.Point::f1);
        line(chart, "mean of precision and recall", points, ReportData.Point::average);
        List<Date> driftTimes = new ArrayList<>();
        List<Double> driftValues = new ArrayList<>();
        for (JsonNode e : data.events(Set.of("DriftDetected"))) {
            var time = JsonPaths.time(e, "time");
            double f1 = JsonPaths.number(e, "windowF1", "windowAverage");
            if (time != null) {
                driftTimes.add(Date.from(time));
                driftValues.add(Double.isNaN(f1) ? 0.0 : f1);
            }
        }
        for (int i = 0; i < driftTimes.size(); i++) {
            // A vertical red line per alarm (annotation lines share one colour, taken by promotions).
            Date at = driftTimes.get(i);
            XYSeries alarm = chart.addSeries(i == 0 ? "drift detected" : "drift detected " + (i + 1), List.of(at, at),
                    List.of(0.0, 1.05));
            alarm.setLineColor(DRIFT);
            alarm.setMarker(SeriesMarkers.NONE);
            alarm.setShowInLegend(i == 0);
            XYSeries mark = chart.addSeries("drift window " + (i + 1), List.of(at), List.of(driftValues.get(i)));
            mark.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            mark.setMarker(SeriesMarkers.TRIANGLE_DOWN);
            mark.setMarkerColor(DRIFT);
            mark.setShowInLegend(false);
        }
        List<Date> promotedTimes = new ArrayList<>();
        List<Double> promotedValues = new ArrayList<>();
        for (JsonNode e : data.events(Set.of("ModelPromoted"))) {
            var time = JsonPaths.time(e, "time");
            if (time != null) {
                promotedTimes.add(Date.from(time));
                promotedValues.add(1.0);
                chart.addAnnotation(new AnnotationLine(time.toEpochMilli(), true, false));
            }
        }
        if (!promotedTimes.isEmpty()) {
            XYSeries promoted = chart.addSeries("promotion", promotedTimes, promotedValues);
            promoted.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            promoted.setMarker(SeriesMarkers.DIAMOND);
            promoted.setMarkerColor(PROMOTION);
        }
        // Promotions are vertical lines too, so the curve after each one reads as the new champion's.
        chart.getStyler().setAnnotationLineColor(PROMOTION)
                .setAnnotationLineStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                        new float[] {6f, 4f}, 0f));
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.05);
        return chart;
    }

    /** Each numeric metric of each version, by version number; null when no version has metrics. */
    static XYChart versions(ReportData data) {
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        for (JsonNode v : data.versions()) {
            JsonNode version = v.get("version");
            JsonNode metrics = v.get("metrics");
            if (version == null || !version.isNumber() || metrics == null || !metrics.isObject()) {
                continue;
            }
            metrics.fields().forEachRemaining(m -> {
                if (m.getValue().isNumber() && Double.isFinite(m.getValue().asDouble())) {
                    series.computeIfAbsent(m.getKey(), k -> new ArrayList<>())
                            .add(new double[] {version.asDouble(), m.getValue().asDouble()});
                }
            });
        }
        if (series.isEmpty()) {
            return null;
        }
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Validation metrics of the versions of " + data.name()).xAxisTitle("version")
                .yAxisTitle("value").build();
        style(chart);
        chart.getStyler().setXAxisDecimalPattern("0");
        series.forEach((name, xy) -> {
            double[] x = xy.stream().mapToDouble(p -> p[0]).toArray();
            double[] y = xy.stream().mapToDouble(p -> p[1]).toArray();
            chart.addSeries(name, x, y).setMarker(SeriesMarkers.CIRCLE);
        });
        return chart;
    }

    /** Tick labels fine enough to tell the ticks apart over the chart's time span. */
    static String datePattern(ReportData data, List<ReportData.Point> points) {
        List<Instant> times = new ArrayList<>();
        points.forEach(p -> times.add(p.time()));
        data.events(Set.of("DriftDetected", "ModelPromoted")).forEach(e -> {
            Instant time = JsonPaths.time(e, "time");
            if (time != null) {
                times.add(time);
            }
        });
        Duration span = Duration.between(Collections.min(times), Collections.max(times));
        if (span.compareTo(Duration.ofMinutes(2)) < 0) {
            return "HH:mm:ss.SSS";
        }
        if (span.compareTo(Duration.ofHours(2)) < 0) {
            return "HH:mm:ss";
        }
        return span.compareTo(Duration.ofDays(2)) < 0 ? "MM-dd HH:mm" : "yyyy-MM-dd";
    }

    private static void line(XYChart chart, String name, List<ReportData.Point> points,
                             ToDoubleFunction<ReportData.Point> value) {
        List<Date> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (ReportData.Point p : points) {
            double v = value.applyAsDouble(p);
            if (!Double.isNaN(v)) {
                x.add(Date.from(p.time()));
                y.add(v);
            }
        }
        if (!x.isEmpty()) {
            chart.addSeries(name, x, y).setMarker(SeriesMarkers.CIRCLE);
        }
    }

    private static void style(XYChart chart) {
        chart.getStyler().setChartBackgroundColor(Color.WHITE).setLegendPosition(Styler.LegendPosition.OutsideS)
                .setLegendLayout(Styler.LegendLayout.Horizontal).setAntiAlias(true);
    }

    private static void save(XYChart chart, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        }
    }
}
