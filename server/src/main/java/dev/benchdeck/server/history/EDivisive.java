package dev.benchdeck.server.history;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Change points of a series by E-divisive means (Matteson & James, 2014, the method Apache Otava uses), with α = 1.
 * A segment {@code Z} of m values split after its first τ into {@code X} (τ values) and {@code Y} (m − τ) scores
 * <pre>
 *   Ê(X, Y) = 2/(τ(m−τ)) Σᵢⱼ |Xᵢ − Yⱼ| − 1/C(τ,2) Σᵢ&lt;ₖ |Xᵢ − Xₖ| − 1/C(m−τ,2) Σⱼ&lt;ₖ |Yⱼ − Yₖ|
 *   Q̂(τ)   = τ(m−τ)/m · Ê(X, Y)
 * </pre>
 * The best split is the τ with the largest Q̂ (each side at least {@code minSegment} values). It is significant when a
 * permutation test says so: the segment's values are shuffled {@code permutations} times (a fixed seed, so the same
 * series always gives the same answer), and {@code p = (1 + #{shuffles whose best Q̂ ≥ the observed}) / (1 + permutations)}
 * must be at most {@code maxPValue}. A significant split is kept and both sides are searched again, until none is.
 * O(m²) per evaluation: the within-sums grow by one row each as τ moves, the between-sum is the rest of the total.
 */
public record EDivisive(double maxPValue, int permutations, int minSegment, long seed) {

    public EDivisive {
        if (minSegment < 2) {
            throw new IllegalArgumentException("minSegment must be at least 2");
        }
    }

    /** A change at {@code index}: the first value of the new level; the means of the segments either side of it. */
    public record ChangePoint(int index, double pValue, double statistic, double meanBefore, double meanAfter) {
    }

    public List<ChangePoint> changePoints(double[] series) {
        SplittableRandom random = new SplittableRandom(seed);
        List<double[]> found = new ArrayList<>(); // {index, p, q}
        search(series, 0, series.length, random, found);
        found.sort(Comparator.comparingDouble(f -> f[0]));
        List<ChangePoint> points = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            int index = (int) found.get(i)[0];
            int from = i == 0 ? 0 : (int) found.get(i - 1)[0];
            int to = i == found.size() - 1 ? series.length : (int) found.get(i + 1)[0];
            points.add(new ChangePoint(index, found.get(i)[1], found.get(i)[2], mean(series, from, index), mean(series, index, to)));
        }
        return points;
    }

    private void search(double[] series, int from, int to, SplittableRandom random, List<double[]> found) {
        if (to - from < 2 * minSegment) {
            return;
        }
        double[] segment = java.util.Arrays.copyOfRange(series, from, to);
        Split best = bestSplit(segment);
        int atLeast = 0;
        // beyond this many shuffles as extreme as the data, p > maxPValue whatever the rest give: stop there
        int enough = (int) Math.floor(maxPValue * (1 + permutations));
        double[] shuffled = segment.clone();
        for (int i = 0; i < permutations && atLeast < enough; i++) {
            shuffle(shuffled, random);
            if (bestSplit(shuffled).statistic() >= best.statistic()) {
                atLeast++;
            }
        }
        if (atLeast >= enough) {
            return;
        }
        double p = (1.0 + atLeast) / (1.0 + permutations);
        if (p > maxPValue) {
            return;
        }
        int index = from + best.tau();
        found.add(new double[] {index, p, best.statistic()});
        search(series, from, index, random, found);
        search(series, index, to, random, found);
    }

    /** The τ with the largest Q̂ in a segment, and that Q̂. */
    Split bestSplit(double[] z) {
        int m = z.length;
        double[] withinLeft = new double[m + 1]; // pairs inside z[0, τ)
        for (int tau = 1; tau < m; tau++) {
            double row = 0;
            for (int i = 0; i < tau; i++) {
                row += Math.abs(z[i] - z[tau]);
            }
            withinLeft[tau + 1] = withinLeft[tau] + row;
        }
        double[] withinRight = new double[m + 1]; // pairs inside z[τ, m)
        for (int tau = m - 2; tau >= 0; tau--) {
            double row = 0;
            for (int j = tau + 1; j < m; j++) {
                row += Math.abs(z[tau] - z[j]);
            }
            withinRight[tau] = withinRight[tau + 1] + row;
        }
        double total = withinLeft[m];
        Split best = new Split(minSegment, Double.NEGATIVE_INFINITY);
        for (int tau = minSegment; tau <= m - minSegment; tau++) {
            double left = tau;
            double right = m - tau;
            double between = total - withinLeft[tau] - withinRight[tau];
            double e = 2 * between / (left * right) - withinLeft[tau] / (left * (left - 1) / 2) - withinRight[tau] / (right * (right - 1) / 2);
            double q = left * right / m * e;
            if (q > best.statistic()) {
                best = new Split(tau, q);
            }
        }
        return best;
    }

    record Split(int tau, double statistic) {
    }

    private static void shuffle(double[] values, SplittableRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            double t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }

    private static double mean(double[] values, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += values[i];
        }
        return to > from ? sum / (to - from) : Double.NaN;
    }
}
