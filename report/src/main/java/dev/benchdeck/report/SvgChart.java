package dev.benchdeck.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * Line charts as inline SVG, drawn here so that a report needs nothing from outside: a frame with nice
 * ticks, a polyline per series, a legend. The x axis is linear or given in log units by the caller (the
 * percentile chart passes {@code log10(1 / (1 − q))} and labels its ticks as percentiles).
 */
final class SvgChart {

    static final List<String> COLORS = List.of("#1f6feb", "#d9480f", "#2b8a3e", "#862e9c", "#c92a2a");
    private static final int WIDTH = 760;
    private static final int HEIGHT = 260;
    private static final int LEFT = 64;
    private static final int RIGHT = 40;
    private static final int TOP = 28;
    private static final int BOTTOM = 40;

    /** A line: its legend name, colour, dashed or not, and points as {x, y} pairs. */
    record Series(String name, String color, boolean dashed, List<double[]> points) {
    }

    /** How the x axis is ticked: at these values, labelled by the function. */
    record Axis(String label, List<Double> ticks, DoubleFunction<String> format) {
    }

    private SvgChart() {
    }

    /** A chart with a linear x axis ticked at nice values. */
    static String lines(String title, String xLabel, String yLabel, List<Series> series) {
        return lines(title, xLabel, yLabel, series, List.of());
    }

    /** A chart with a linear x axis, the {@code shaded} spans of x (e.g. warm-up) drawn grey behind the lines. */
    static String lines(String title, String xLabel, String yLabel, List<Series> series, List<double[]> shaded) {
        double[] x = range(series, 0);
        return lines(title, new Axis(xLabel, niceTicks(x[0], x[1]), SvgChart::tick), yLabel, series, shaded);
    }

    static String lines(String title, Axis xAxis, String yLabel, List<Series> series) {
        return lines(title, xAxis, yLabel, series, List.of());
    }

    private static String lines(String title, Axis xAxis, String yLabel, List<Series> series, List<double[]> shaded) {
        double[] xr = range(series, 0);
        if (!xAxis.ticks().isEmpty()) {
            xr[0] = Math.min(xr[0], xAxis.ticks().get(0));
            xr[1] = Math.max(xr[1], xAxis.ticks().get(xAxis.ticks().size() - 1));
        }
        double[] yr = range(series, 1);
        List<Double> yTicks = niceTicks(0, yr[1] <= 0 ? 1 : yr[1]);
        double yMax = yTicks.get(yTicks.size() - 1);
        double xMin = xr[0];
        double xSpan = xr[1] - xr[0] == 0 ? 1 : xr[1] - xr[0];
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"").append(Html.esc(title)).append("\"><title>").append(Html.esc(title))
                .append("</title>");
        svg.append("<rect x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"").append(fmt(plotW))
                .append("\" height=\"").append(fmt(plotH)).append("\" class=\"frame\"/>");
        for (double[] span : shaded) {
            double from = LEFT + (Math.max(span[0], xMin) - xMin) / xSpan * plotW;
            double to = LEFT + (Math.min(span[1], xMin + xSpan) - xMin) / xSpan * plotW;
            if (to > from) {
                svg.append("<rect x=\"").append(fmt(from)).append("\" y=\"").append(TOP).append("\" width=\"").append(fmt(to - from))
                        .append("\" height=\"").append(fmt(plotH)).append("\" class=\"shade\"><title>not measured (ramp, warm-up)</title></rect>");
            }
        }
        for (double t : yTicks) {
            double y = TOP + plotH - t / yMax * plotH;
            svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(fmt(LEFT + plotW)).append("\" y1=\"").append(fmt(y))
                    .append("\" y2=\"").append(fmt(y)).append("\" class=\"grid\"/>");
            svg.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(fmt(y + 4)).append("\" class=\"tick\" text-anchor=\"end\">")
                    .append(Html.esc(tick(t))).append("</text>");
        }
        for (double t : xAxis.ticks()) {
            double x = LEFT + (t - xMin) / xSpan * plotW;
            svg.append("<line x1=\"").append(fmt(x)).append("\" x2=\"").append(fmt(x)).append("\" y1=\"").append(TOP)
                    .append("\" y2=\"").append(fmt(TOP + plotH)).append("\" class=\"grid\"/>");
            svg.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(fmt(TOP + plotH + 16))
                    .append("\" class=\"tick\" text-anchor=\"middle\">").append(Html.esc(xAxis.format().apply(t))).append("</text>");
        }
        svg.append("<text x=\"").append(fmt(LEFT + plotW / 2)).append("\" y=\"").append(HEIGHT - 4)
                .append("\" class=\"axis\" text-anchor=\"middle\">").append(Html.esc(xAxis.label())).append("</text>");
        svg.append("<text x=\"12\" y=\"").append(fmt(TOP + plotH / 2)).append("\" class=\"axis\" text-anchor=\"middle\" transform=\"rotate(-90 12 ")
                .append(fmt(TOP + plotH / 2)).append(")\">").append(Html.esc(yLabel)).append("</text>");
        double legendX = LEFT;
        for (Series s : series) {
            if (s.points().isEmpty()) {
                continue;
            }
            StringBuilder points = new StringBuilder();
            for (double[] p : s.points()) {
                double x = LEFT + (p[0] - xMin) / xSpan * plotW;
                double y = TOP + plotH - Math.min(p[1], yMax) / yMax * plotH;
                points.append(fmt(x)).append(',').append(fmt(y)).append(' ');
            }
            svg.append("<polyline class=\"series\" fill=\"none\" stroke=\"").append(s.color()).append("\" stroke-width=\"1.6\"")
                    .append(s.dashed() ? " stroke-dasharray=\"5 3\"" : "").append(" points=\"").append(points.toString().trim())
                    .append("\"/>");
            svg.append("<rect x=\"").append(fmt(legendX)).append("\" y=\"8\" width=\"12\" height=\"4\" fill=\"").append(s.color())
                    .append("\"/><text x=\"").append(fmt(legendX + 16)).append("\" y=\"14\" class=\"legend\">").append(Html.esc(s.name()))
                    .append("</text>");
            legendX += 24 + 6.5 * s.name().length();
        }
        return svg.append("</svg>").toString();
    }

    /** The smallest and largest coordinate {@code c} over all points; {0, 1} without points. */
    private static double[] range(List<Series> series, int c) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (double[] p : s.points()) {
                min = Math.min(min, p[c]);
                max = Math.max(max, p[c]);
            }
        }
        return min > max ? new double[] {0, 1} : new double[] {min, max};
    }

    /** Ticks at 1, 2 or 5 × 10^k from {@code from} to a tick at or above {@code to}, about five of them. */
    static List<Double> niceTicks(double from, double to) {
        double span = to - from <= 0 ? Math.max(1, Math.abs(to)) : to - from;
        double raw = span / 5;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / magnitude < 1.5 ? magnitude : raw / magnitude < 3 ? 2 * magnitude : raw / magnitude < 7 ? 5 * magnitude
                : 10 * magnitude;
        List<Double> ticks = new ArrayList<>();
        double start = Math.floor(from / step) * step;
        for (double t = start; ticks.isEmpty() || ticks.get(ticks.size() - 1) < to - 1e-9 * span; t += step) {
            ticks.add(Math.round(t / step) * step);
        }
        if (ticks.size() == 1) {
            ticks.add(start + step);
        }
        return ticks;
    }

    static String tick(double v) {
        if (v == Math.rint(v)) {
            return String.format(Locale.ROOT, "%,d", (long) v);
        }
        return Math.abs(v) < 1 ? String.format(Locale.ROOT, "%.3g", v) : String.format(Locale.ROOT, "%,.1f", v);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
