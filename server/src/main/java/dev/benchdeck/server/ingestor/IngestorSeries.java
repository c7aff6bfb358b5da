package dev.benchdeck.server.ingestor;

import java.util.ArrayDeque;
import java.util.List;

/** The last {@value #CAPACITY} points of one ingestor, oldest first; one writer (the watcher), many readers. */
final class IngestorSeries {

    /** Five minutes at one point a second: the page shows the last 100, the rest covers a reload after a pause. */
    static final int CAPACITY = 300;

    private final ArrayDeque<IngestorPoint> points = new ArrayDeque<>(CAPACITY);
    private volatile IngestorStats latest;

    synchronized void add(IngestorPoint point, IngestorStats stats) {
        points.addLast(point);
        while (points.size() > CAPACITY) {
            points.removeFirst();
        }
        latest = stats;
    }

    synchronized List<IngestorPoint> points() {
        return List.copyOf(points);
    }

    /** The stats of the last sample, or null before the first. */
    IngestorStats latest() {
        return latest;
    }
}
