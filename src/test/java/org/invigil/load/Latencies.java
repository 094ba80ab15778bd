package org.invigil.load;

import java.util.Arrays;

/** Latencies in milliseconds, recorded from many threads; percentiles by nearest rank. */
final class Latencies {

    private double[] values = new double[1024];
    private int size;

    synchronized void add(double millis) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = millis;
    }

    synchronized int count() {
        return size;
    }

    /** The {@code p}-th percentile (0 < p <= 100), NaN without values. */
    synchronized double percentile(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        double[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * size);
        return sorted[Math.max(0, Math.min(size, rank) - 1)];
    }
}
