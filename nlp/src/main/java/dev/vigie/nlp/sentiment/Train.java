package dev.vigie.nlp.sentiment;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Training a {@link TrainedSentimentModel} on an analyst's labelled file, as {@code vigie train} does: reading the
 * file strictly (labels by name; numbers only through an explicit mapping; swapped columns detected), fitting, and
 * a cross-validated macro-F1 of the result.
 *
 * <p>The file is UTF-8, one example a line, {@code label<TAB>text} (the layout of TweetEval, DEFT and Allociné
 * files), or {@code text<TAB>label} with {@link Columns#TEXT_LABEL}. Labels are read by name: {@code negative},
 * {@code neutral}, {@code positive}, {@code neg}, {@code neu}, {@code pos}, French {@code négatif}, {@code neutre},
 * {@code positif} (any case, with or without accents). A first line whose label cell is {@code label} is a header.
 * A line that cannot be read is skipped with its number and reason; a file that is wrong as a whole (numeric labels
 * without a mapping, swapped columns, a single class) is refused with one message.
 */
public final class Train {

    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?");

    private Train() {}

    /** Which column holds the label. */
    public enum Columns {
        /** {@code label<TAB>text} (the default). */
        LABEL_TEXT,
        /** {@code text<TAB>label}. */
        TEXT_LABEL
    }

    /** The examples read from a file, and one message per line that was skipped. */
    public record Content(List<LabelledText> examples, List<String> skipped) {
        public Content {
            examples = List.copyOf(examples);
            skipped = List.copyOf(skipped);
        }

        /** How many examples of each class were read, in {@link SentimentLabel} order. */
        public Map<SentimentLabel, Integer> counts() {
            Map<SentimentLabel, Integer> counts = new EnumMap<>(SentimentLabel.class);
            examples.forEach(e -> counts.merge(e.label(), 1, Integer::sum));
            return counts;
        }
    }

    /** A file that cannot be used as a whole; the message is one line, meant for the analyst. */
    public static final class BadFileException extends IOException {
        public BadFileException(String message) {
            super(message);
        }
    }

    /**
     * Parses {@code --labels}: {@code 0=negative,1=neutral,2=positive} (values by name as in the file).
     *
     * @throws IllegalArgumentException naming the bad pair
     */
    public static Map<String, SentimentLabel> parseMapping(String spec) {
        Map<String, SentimentLabel> out = new LinkedHashMap<>();
        for (String pair : spec.split(",")) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw new IllegalArgumentException("bad label mapping '" + pair.trim()
                        + "': expected VALUE=NAME pairs such as 0=negative,1=neutral,2=positive");
            }
            SentimentLabel label = byName(pair.substring(eq + 1));
            if (label == null) {
                throw new IllegalArgumentException("bad label mapping '" + pair.trim() + "': '"
                        + pair.substring(eq + 1).trim() + "' is not negative, neutral or positive");
            }
            out.put(pair.substring(0, eq).trim(), label);
        }
        return out;
    }

    /** A label written by name (see the class comment), or null. */
    public static SentimentLabel byName(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "positive", "pos", "positif" -> SentimentLabel.POSITIVE;
            case "neutral", "neu", "neutre" -> SentimentLabel.NEUTRAL;
            case "negative", "neg", "négatif", "negatif", "négative" -> SentimentLabel.NEGATIVE;
            default -> null;
        };
    }

    /**
     * Reads a labelled file.
     *
     * @param mapping raw label value to class, for files whose labels are numbers or codes (may be empty)
     * @throws BadFileException when the file is missing, not UTF-8, has numeric labels without a mapping, or looks
     *                          like its columns are the other way round
     */
    public static Content read(Path file, Columns columns, Map<String, SentimentLabel> mapping) throws IOException {
        Objects.requireNonNull(columns, "columns");
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new BadFileException("no such file: " + file);
        } catch (CharacterCodingException e) {
            throw new BadFileException(file + " is not UTF-8 text");
        }
        List<LabelledText> examples = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        int labelled = 0;
        int numeric = 0;
        int otherSide = 0;
        String firstNumeric = null;
        String firstOther = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).replace("\r", "");
            if (line.isBlank()) {
                continue;
            }
            int tab = columns == Columns.LABEL_TEXT ? line.indexOf('\t') : line.lastIndexOf('\t');
            if (tab < 0) {
                skipped.add("line " + (i + 1) + ": no TAB between label and text");
                continue;
            }
            String labelCell = columns == Columns.LABEL_TEXT ? line.substring(0, tab) : line.substring(tab + 1);
            String text = (columns == Columns.LABEL_TEXT ? line.substring(tab + 1) : line.substring(0, tab)).strip();
            String otherCell = columns == Columns.LABEL_TEXT ? lastCell(line) : line.substring(0, line.indexOf('\t'));
            if (i == 0 && labelCell.trim().equalsIgnoreCase("label")) {
                continue;
            }
            String raw = labelCell.trim();
            SentimentLabel label = mapping.get(raw);
            if (label == null && mapping.isEmpty()) {
                label = byName(raw);
            }
            if (label == null && NUMBER.matcher(raw).matches() && mapping.isEmpty()) {
                numeric++;
                firstNumeric = firstNumeric == null ? raw : firstNumeric;
            }
            if (label == null
                    && !raw.isEmpty()
                    && !NUMBER.matcher(raw).matches()
                    && (byName(otherCell) != null
                            || mapping.containsKey(otherCell.trim())
                            || NUMBER.matcher(otherCell.trim()).matches())) {
                otherSide++;
                firstOther =
                        firstOther == null ? "line " + (i + 1) + " has '" + otherCell.trim() + "' there" : firstOther;
            }
            if (label == null) {
                skipped.add("line " + (i + 1) + ": unknown label '" + shorten(raw) + "'"
                        + (mapping.isEmpty() ? " (expected negative, neutral or positive)" : " (not in --labels)"));
                continue;
            }
            if (text.isEmpty()) {
                skipped.add("line " + (i + 1) + ": empty text");
                continue;
            }
            labelled++;
            examples.add(new LabelledText(text, label));
        }
        int read = labelled + skipped.size();
        if (numeric > 0 && numeric * 2 >= read) {
            throw new BadFileException(
                    file + ": labels are numbers (e.g. '" + firstNumeric + "'), which do not say which"
                            + " class they mean: give the mapping, e.g. --labels 0=negative,1=neutral,2=positive");
        }
        if (otherSide > 0 && otherSide * 2 >= read) {
            String expected = columns == Columns.LABEL_TEXT ? "label<TAB>text" : "text<TAB>label";
            String flag = columns == Columns.LABEL_TEXT ? "text,label" : "label,text";
            throw new BadFileException(file + ": the columns look swapped (the labels are in the other column: "
                    + firstOther + "); expected " + expected + ", or pass --columns " + flag);
        }
        return new Content(examples, skipped);
    }

    private static String lastCell(String line) {
        return line.substring(line.lastIndexOf('\t') + 1);
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    /**
     * Fits a model on all the examples.
     *
     * @throws IllegalArgumentException when fewer than two classes are present
     */
    public static TrainedSentimentModel fit(List<LabelledText> examples, TrainedSentimentModel.Settings settings) {
        return TrainedSentimentModel.train(examples, settings);
    }

    /**
     * Macro-F1 of models fitted like {@link #fit} on {@code folds - 1} folds and scored on the one left out
     * (stratified by class, seeded), over the classes present in the file.
     */
    public static double crossValidatedMacroF1(
            List<LabelledText> examples, TrainedSentimentModel.Settings settings, int folds) {
        if (folds < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds: " + folds);
        }
        Map<SentimentLabel, List<Integer>> byClass = new EnumMap<>(SentimentLabel.class);
        for (int i = 0; i < examples.size(); i++) {
            byClass.computeIfAbsent(examples.get(i).label(), x -> new ArrayList<>())
                    .add(i);
        }
        int[] fold = new int[examples.size()];
        Random random = new Random(settings.seed());
        int next = 0;
        for (List<Integer> rows : byClass.values()) {
            Collections.shuffle(rows, random);
            for (int i : rows) {
                fold[i] = next++ % folds;
            }
        }
        int k = SentimentLabel.values().length;
        int[][] counts = new int[k][k];
        for (int f = 0; f < folds; f++) {
            List<LabelledText> train = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                if (fold[i] != f) {
                    train.add(examples.get(i));
                }
            }
            TrainedSentimentModel model = TrainedSentimentModel.train(train, settings);
            for (int i = 0; i < examples.size(); i++) {
                if (fold[i] == f) {
                    counts[examples.get(i).label().ordinal()][
                            model.score(examples.get(i).text()).label().ordinal()]++;
                }
            }
        }
        double f1 = 0;
        for (SentimentLabel c : byClass.keySet()) {
            int o = c.ordinal();
            int gold = 0;
            int predicted = 0;
            for (int d = 0; d < k; d++) {
                gold += counts[o][d];
                predicted += counts[d][o];
            }
            f1 += gold + predicted == 0 ? 0 : 2.0 * counts[o][o] / (gold + predicted);
        }
        return f1 / byClass.size();
    }
}
