package dev.vigie.nlp.eval;

import java.util.List;
import java.util.Locale;

/**
 * Counts of (gold, predicted) label pairs over a fixed label set, and the figures computed from them: accuracy,
 * per-class F1 and macro-F1 (the unweighted mean of per-class F1, so that a small class such as "neutral" counts
 * as much as a large one). Not thread-safe: one instance per evaluation.
 */
public final class ConfusionMatrix {

    private final List<String> labels;
    private final long[][] counts;

    public ConfusionMatrix(List<String> labels) {
        if (labels.size() < 2 || labels.stream().distinct().count() != labels.size()) {
            throw new IllegalArgumentException("need at least two distinct labels: " + labels);
        }
        this.labels = List.copyOf(labels);
        this.counts = new long[labels.size()][labels.size()];
    }

    /** Records one decision; both labels must be in the label set. */
    public void add(String gold, String predicted) {
        counts[index(gold)][index(predicted)]++;
    }

    private int index(String label) {
        int i = labels.indexOf(label);
        if (i < 0) {
            throw new IllegalArgumentException("label '" + label + "' is not one of " + labels);
        }
        return i;
    }

    public List<String> labels() {
        return labels;
    }

    public long count(String gold, String predicted) {
        return counts[index(gold)][index(predicted)];
    }

    public long total() {
        long t = 0;
        for (long[] row : counts) {
            for (long c : row) {
                t += c;
            }
        }
        return t;
    }

    public double accuracy() {
        long right = 0;
        for (int i = 0; i < labels.size(); i++) {
            right += counts[i][i];
        }
        long total = total();
        return total == 0 ? 0 : (double) right / total;
    }

    /** F1 of one class; 0 when it is never predicted nor present. */
    public double f1(String label) {
        int i = index(label);
        long tp = counts[i][i];
        long predicted = 0;
        long gold = 0;
        for (int j = 0; j < labels.size(); j++) {
            predicted += counts[j][i];
            gold += counts[i][j];
        }
        if (tp == 0) {
            return 0;
        }
        double precision = (double) tp / predicted;
        double recall = (double) tp / gold;
        return 2 * precision * recall / (precision + recall);
    }

    /** Mean over classes of precision (a class never predicted counts 0). */
    public double macroPrecision() {
        double sum = 0;
        for (int i = 0; i < labels.size(); i++) {
            long predicted = 0;
            for (long[] row : counts) {
                predicted += row[i];
            }
            sum += predicted == 0 ? 0 : (double) counts[i][i] / predicted;
        }
        return sum / labels.size();
    }

    /** Mean over classes of recall. */
    public double macroRecall() {
        double sum = 0;
        for (int i = 0; i < labels.size(); i++) {
            long gold = 0;
            for (long c : counts[i]) {
                gold += c;
            }
            sum += gold == 0 ? 0 : (double) counts[i][i] / gold;
        }
        return sum / labels.size();
    }

    /**
     * The harmonic mean of macro-precision and macro-recall: how the VADER paper's table 4 combines its "overall"
     * P and R into F1 (0.70 and 0.55 give its 0.61 on movie reviews). It is not macro-F1, and is usually higher.
     */
    public double f1OfMacroAverages() {
        double p = macroPrecision();
        double r = macroRecall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /**
     * Per-class F1 averaged with weights proportional to each class's gold count: the "avg / total" row of
     * scikit-learn's classification report. A large class dominates it, unlike {@link #macroF1()}.
     */
    public double weightedF1() {
        long total = total();
        double sum = 0;
        for (int i = 0; i < labels.size(); i++) {
            long gold = 0;
            for (long c : counts[i]) {
                gold += c;
            }
            sum += gold * f1(labels.get(i));
        }
        return total == 0 ? 0 : sum / total;
    }

    public double macroF1() {
        double sum = 0;
        for (String label : labels) {
            sum += f1(label);
        }
        return sum / labels.size();
    }

    /** The matrix as text, gold labels in rows and predictions in columns, followed by per-class F1. */
    public String format() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-12s", "gold\\pred"));
        for (String l : labels) {
            sb.append(String.format(Locale.ROOT, "%10s", l));
        }
        sb.append(String.format(Locale.ROOT, "%10s%n", "F1"));
        for (int i = 0; i < labels.size(); i++) {
            sb.append(String.format(Locale.ROOT, "%-12s", labels.get(i)));
            for (int j = 0; j < labels.size(); j++) {
                sb.append(String.format(Locale.ROOT, "%10d", counts[i][j]));
            }
            sb.append(String.format(Locale.ROOT, "%10.3f%n", f1(labels.get(i))));
        }
        return sb.toString();
    }
}
