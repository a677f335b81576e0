package dev.vigie.nlp.eval;

import dev.vigie.nlp.sentiment.LabelledText;
import dev.vigie.nlp.sentiment.SentimentLabel;
import dev.vigie.testing.CsvFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Readers of the third-party evaluation sets in the shared data folder (never copied into the project): the VADER
 * ground-truth snippets, DEFT 2017 French tweets, Allociné TV-series reviews and AG News.
 */
public final class DataSets {

    /** Default location of the data folder, relative to the project root, when neither argument nor property gives it. */
    public static final String DEFAULT_DATA_DIR = "../shared/data";

    private DataSets() {}

    /** The data folder: the given path, else system property {@code vigie.data.dir}, else {@link #DEFAULT_DATA_DIR}. */
    public static Path dataDir(String argument) {
        String dir = argument != null ? argument : System.getProperty("vigie.data.dir", DEFAULT_DATA_DIR);
        Path path = Path.of(dir);
        if (!Files.isDirectory(path.resolve("sentiment-en"))) {
            throw new IllegalArgumentException("no shared data folder at " + path.toAbsolutePath()
                    + " (expected sentiment-en/ inside): pass --data DIR or -Dvigie.data.dir=DIR");
        }
        return path;
    }

    /** A human-rated VADER snippet: mean rating -4..+4 of about 20 raters. */
    public record Snippet(String corpus, String id, double rating, String text) {
        /** VADER paper's 3 classes: rating / 4 at least +0.05 positive, at most -0.05 negative. */
        public SentimentLabel gold() {
            double normalised = rating / 4;
            return normalised >= 0.05 - 1e-9
                    ? SentimentLabel.POSITIVE
                    : normalised <= -0.05 + 1e-9 ? SentimentLabel.NEGATIVE : SentimentLabel.NEUTRAL;
        }
    }

    /** The three VADER corpora, by short name, file name and VADER's published F1 (Hutto and Gilbert 2014, table 4). */
    public enum VaderCorpus {
        MOVIE("movieReviewSnippets_GroundTruth.txt", 0.61),
        AMAZON("amazonReviewSnippets_GroundTruth.txt", 0.63),
        NYT("nytEditorialSnippets_GroundTruth.txt", 0.55);

        public final String file;
        public final double vaderF1;

        VaderCorpus(String file, double vaderF1) {
            this.file = file;
            this.vaderF1 = vaderF1;
        }
    }

    public static List<Snippet> vader(Path dataDir, VaderCorpus corpus) throws IOException {
        List<Snippet> out = new ArrayList<>();
        for (String line :
                Files.readAllLines(dataDir.resolve("sentiment-en").resolve(corpus.file), StandardCharsets.UTF_8)) {
            String[] cols = line.replace("\r", "").split("\t", 3);
            if (cols.length == 3 && !cols[2].isBlank()) {
                out.add(new Snippet(
                        corpus.name().toLowerCase(java.util.Locale.ROOT),
                        cols[0],
                        Double.parseDouble(cols[1]),
                        cols[2]));
            }
        }
        return out;
    }

    /** DEFT 2017 French tweets of a split ({@code train}, {@code val}); TweetEval labels 0/1/2 = negative/neutral/positive. */
    public static List<LabelledText> deft(Path dataDir, String split) throws IOException {
        Path dir = dataDir.resolve("sentiment-fr").resolve("deft2017");
        List<String> texts = Files.readAllLines(dir.resolve(split + "_text.txt"), StandardCharsets.UTF_8);
        List<String> labels = Files.readAllLines(dir.resolve(split + "_labels.txt"), StandardCharsets.UTF_8);
        if (texts.size() != labels.size()) {
            throw new IOException("DEFT " + split + ": " + texts.size() + " texts but " + labels.size() + " labels");
        }
        List<LabelledText> out = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            SentimentLabel label = switch (labels.get(i).trim()) {
                case "0" -> SentimentLabel.NEGATIVE;
                case "1" -> SentimentLabel.NEUTRAL;
                case "2" -> SentimentLabel.POSITIVE;
                default -> throw new IOException("DEFT " + split + " line " + (i + 1) + ": label " + labels.get(i));
            };
            out.add(new LabelledText(texts.get(i), label));
        }
        return out;
    }

    /** Allociné TV-series reviews of a split ({@code train}, {@code dev}): 1 positive, 0 negative. */
    public static List<LabelledText> allocine(Path dataDir, String split) throws IOException {
        List<LabelledText> out = new ArrayList<>();
        for (String line : Files.readAllLines(
                dataDir.resolve("sentiment-fr").resolve("allocine-tvseries").resolve(split + ".tsv"),
                StandardCharsets.UTF_8)) {
            String[] cols = line.replace("\r", "").split("\t", 2);
            if (cols.length == 2 && !cols[1].isBlank()) {
                out.add(new LabelledText(
                        cols[1], cols[0].trim().equals("1") ? SentimentLabel.POSITIVE : SentimentLabel.NEGATIVE));
            }
        }
        return out;
    }

    /** An AG News item: its class name and its title and description joined. */
    public record Topic(String label, String text) {}

    public static final List<String> AG_NEWS_LABELS = List.of("world", "sports", "business", "scitech");

    /** AG News items in the shared folder (CSV: label,title,description; labels 1..4), title and description joined by ". ". */
    public static List<Topic> agNews(Path dataDir) throws IOException {
        return agNews(dataDir, ". ");
    }

    /**
     * AG News items with title and description joined by {@code join}: {@code "\n"} is how the pipeline joins a
     * mention's title and text before it classifies them ({@code EnrichmentInput.fullText()}).
     */
    public static List<Topic> agNews(Path dataDir, String join) throws IOException {
        List<Topic> out = new ArrayList<>();
        List<List<String>> rows = CsvFile.rows(dataDir.resolve("topics-en").resolve("ag_news_dev.csv"));
        for (List<String> cols : rows.subList(1, rows.size())) {
            if (cols.size() == 3) {
                boolean pipeline = !join.equals(". "); // the pipeline strips title and text before joining them
                String text = ((pipeline ? cols.get(1).strip() : cols.get(1))
                                + join
                                + (pipeline ? cols.get(2).strip() : cols.get(2)))
                        .replace("\\", " ")
                        .replace(" #36;", " $")
                        .replace(" #39;", "'");
                out.add(new Topic(
                        AG_NEWS_LABELS.get(Integer.parseInt(cols.get(0).trim()) - 1), text));
            }
        }
        return out;
    }

    /**
     * A seeded draw of training examples from topic items, for few-shot evaluation: the items are shuffled with
     * {@code seed}, the first {@code perClass} of each label are the training examples and every other item is the
     * test set, so no test item was seen in training.
     */
    public static TopicSplit drawPerClass(List<Topic> items, int perClass, long seed) {
        List<Topic> shuffled = new ArrayList<>(items);
        Collections.shuffle(shuffled, new Random(seed));
        Map<String, List<String>> train = new LinkedHashMap<>();
        List<Topic> test = new ArrayList<>();
        for (Topic t : shuffled) {
            List<String> examples = train.computeIfAbsent(t.label(), x -> new ArrayList<>());
            if (examples.size() < perClass) {
                examples.add(t.text());
            } else {
                test.add(t);
            }
        }
        return new TopicSplit(train, test);
    }

    /** Training examples per label and the test items left over (see {@link #drawPerClass}). */
    public record TopicSplit(Map<String, List<String>> train, List<Topic> test) {}

    /** A seeded random sample of at most {@code n} items (all of them, in order, when n is 0 or larger than the list). */
    public static <T> List<T> sample(List<T> items, int n, long seed) {
        if (n <= 0 || n >= items.size()) {
            return items;
        }
        List<T> copy = new ArrayList<>(items);
        Collections.shuffle(copy, new Random(seed));
        return copy.subList(0, n);
    }
}
