package dev.vigie.nlp.internal.linear;

/**
 * Chooses per-class offsets added to a classifier's log-probabilities so that its decisions maximise macro-F1
 * rather than accuracy: a class-weighted regression still answers a rare class (neutral sentiment, 2 % of movie
 * reviews) too rarely or too often, and macro-F1 counts that class as much as the others. The offsets are chosen on
 * held-out predictions (never on the examples the regression was fitted on, where it is over-confident), as the mean
 * macro-F1 over groups (e.g. corpora) so that a large group does not decide for the others. The last class's offset
 * is fixed at 0: only differences matter.
 */
public final class OffsetTuning {

    /** Coarse search range and step, then a finer step around the best point. */
    static final double RANGE = 4;

    static final double COARSE = 0.1;
    static final double FINE = 0.02;

    private OffsetTuning() {}

    /**
     * The offsets (one per class, the last 0) maximising the mean over groups of macro-F1 of
     * {@code argmax_c log p[i][c] + offset[c]}.
     *
     * @param probabilities held-out class probabilities, one row per example
     * @param gold          the true class of each example
     * @param group         the group of each example (0-based), each counted equally
     */
    public static double[] tune(double[][] probabilities, int[] gold, int[] group) {
        return tune(probabilities, gold, group, Metric.MACRO_F1);
    }

    /** What the offsets maximise, averaged over groups. */
    public enum Metric {
        /** Mean over classes of F1. */
        MACRO_F1,
        /** Mean over classes of recall (SemEval-2017's sentiment metric). */
        MACRO_RECALL
    }

    /** As {@link #tune(double[][], int[], int[])}, maximising {@code metric}. */
    public static double[] tune(double[][] probabilities, int[] gold, int[] group, Metric metric) {
        int n = probabilities.length;
        if (n == 0 || gold.length != n || group.length != n) {
            throw new IllegalArgumentException("probabilities, gold and groups differ in number or are empty: " + n
                    + ", " + gold.length + ", " + group.length);
        }
        int k = probabilities[0].length;
        if (k != 3) {
            throw new IllegalArgumentException("offset tuning searches two offsets (3 classes), got " + k + " classes");
        }
        double[][] logs = new double[n][k];
        int groups = 0;
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                logs[i][c] = Math.log(Math.max(probabilities[i][c], 1e-12));
            }
            groups = Math.max(groups, group[i] + 1);
        }
        double[] best = {0, 0, 0};
        double bestScore = score(logs, gold, group, groups, metric, best);
        for (double a = -RANGE; a <= RANGE + 1e-9; a += COARSE) {
            for (double b = -RANGE; b <= RANGE + 1e-9; b += COARSE) {
                double s = score(logs, gold, group, groups, metric, new double[] {a, b, 0});
                if (s > bestScore + 1e-12) {
                    bestScore = s;
                    best = new double[] {a, b, 0};
                }
            }
        }
        double[] centre = best.clone();
        for (double a = centre[0] - COARSE; a <= centre[0] + COARSE + 1e-9; a += FINE) {
            for (double b = centre[1] - COARSE; b <= centre[1] + COARSE + 1e-9; b += FINE) {
                double s = score(logs, gold, group, groups, metric, new double[] {a, b, 0});
                if (s > bestScore + 1e-12) {
                    bestScore = s;
                    best = new double[] {a, b, 0};
                }
            }
        }
        return best;
    }

    /** Mean over groups of the macro-F1 of the offset decisions. */
    static double score(double[][] logs, int[] gold, int[] group, int groups, double[] offsets) {
        return score(logs, gold, group, groups, Metric.MACRO_F1, offsets);
    }

    static double score(double[][] logs, int[] gold, int[] group, int groups, Metric metric, double[] offsets) {
        int k = offsets.length;
        int[][][] counts = new int[groups][k][k];
        for (int i = 0; i < logs.length; i++) {
            int best = 0;
            double bestValue = logs[i][0] + offsets[0];
            for (int c = 1; c < k; c++) {
                double v = logs[i][c] + offsets[c];
                if (v > bestValue) {
                    bestValue = v;
                    best = c;
                }
            }
            counts[group[i]][gold[i]][best]++;
        }
        double total = 0;
        int present = 0;
        for (int g = 0; g < groups; g++) {
            double f1 = 0;
            int classes = 0;
            for (int c = 0; c < k; c++) {
                int tp = counts[g][c][c];
                int goldN = 0;
                int predicted = 0;
                for (int d = 0; d < k; d++) {
                    goldN += counts[g][c][d];
                    predicted += counts[g][d][c];
                }
                if (metric == Metric.MACRO_RECALL ? goldN == 0 : goldN + predicted == 0) {
                    continue;
                }
                f1 += metric == Metric.MACRO_RECALL ? (double) tp / goldN : 2.0 * tp / (goldN + predicted);
                classes++;
            }
            if (classes > 0) {
                total += f1 / classes;
                present++;
            }
        }
        return present == 0 ? 0 : total / present;
    }
}
