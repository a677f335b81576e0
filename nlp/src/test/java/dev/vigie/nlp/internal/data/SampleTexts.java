package dev.vigie.nlp.internal.data;

import dev.vigie.testing.CsvFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Short real texts from the shared data folder: DEFT 2017 French tweets, VADER's English snippets, AG News items.
 * Used by the language, alert and story benchmarks; see each folder's SOURCE.txt for origin and licence.
 */
public final class SampleTexts {

    /** System property naming the shared data folder. */
    public static final String DATA_DIR_PROPERTY = "vigie.data.dir";
    /** Where the data folder is when the property is not set: beside the project. */
    public static final String DEFAULT_DATA_DIR = "../shared/data";

    /** An AG News item. */
    public record NewsItem(int label, String title, String description) {}

    private final Path root;

    /**
     * @param root the shared data folder
     */
    public SampleTexts(Path root) {
        if (root == null || !Files.isDirectory(root)) {
            throw new IllegalArgumentException("shared data folder not found: " + root);
        }
        this.root = root;
    }

    /** The data folder from {@value #DATA_DIR_PROPERTY}, else {@value #DEFAULT_DATA_DIR}. */
    public static Path defaultRoot() {
        return Path.of(System.getProperty(DATA_DIR_PROPERTY, DEFAULT_DATA_DIR));
    }

    /** DEFT 2017 French tweets, train then val split (one tweet per line). */
    public List<String> frenchTweets() {
        List<String> out = new ArrayList<>(lines("sentiment-fr/deft2017/train_text.txt"));
        out.addAll(lines("sentiment-fr/deft2017/val_text.txt"));
        return out;
    }

    /** The text column of one of VADER's English ground-truth files ({@code amazon}, {@code movie}, {@code nyt}). */
    public List<String> englishSnippets(String corpus) {
        String file = switch (corpus) {
            case "amazon" -> "sentiment-en/amazonReviewSnippets_GroundTruth.txt";
            case "movie" -> "sentiment-en/movieReviewSnippets_GroundTruth.txt";
            case "nyt" -> "sentiment-en/nytEditorialSnippets_GroundTruth.txt";
            default -> throw new IllegalArgumentException("unknown VADER corpus: " + corpus);
        };
        List<String> out = new ArrayList<>();
        for (String line : lines(file)) {
            String[] parts = line.split("\t", 3);
            if (parts.length == 3 && !parts[2].isBlank()) {
                out.add(parts[2]);
            }
        }
        return out;
    }

    /** AG News items (the test split shipped as {@code topics-en/ag_news_dev.csv}). */
    public List<NewsItem> news() {
        List<NewsItem> out = new ArrayList<>();
        List<List<String>> rows = csvRows("topics-en/ag_news_dev.csv");
        for (int i = 1; i < rows.size(); i++) {
            List<String> f = rows.get(i);
            if (f.size() >= 3) {
                out.add(new NewsItem(Integer.parseInt(f.get(0).trim()), clean(f.get(1)), clean(f.get(2))));
            }
        }
        return out;
    }

    /** Undoes the escaping artefacts of the AG News release ({@code #39;}, {@code quot;}, {@code \}). */
    static String clean(String s) {
        return s.replace(" #39;", "'")
                .replace("#39;", "'")
                .replace(" quot;", "\"")
                .replace("quot;", "\"")
                .replace(" #36;", "$")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&")
                .replace("\\", " ")
                .replaceAll("<[^>]*>", "")
                .replaceAll("\\s+", " ")
                .trim();
    }

    private List<List<String>> csvRows(String relative) {
        try {
            return CsvFile.rows(root.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> lines(String relative) {
        try {
            return Files.readAllLines(root.resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + root.resolve(relative), e);
        }
    }
}
