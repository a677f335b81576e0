package dev.vigie.nlp.sentiment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code train} entry point: fits a {@link TrainedSentimentModel} on an analyst's labelled file and saves it
 * where {@link SentimentAnalyzer.Builder#trainedModel} can load it.
 *
 * <pre>
 * java -cp vigie-nlp.jar:... dev.vigie.nlp.sentiment.Train labelled.tsv model.bin [--epochs 15]
 * </pre>
 *
 * The input is UTF-8 TSV, one example per line: {@code text<TAB>label}, label as {@link SentimentLabel#parse}
 * reads it; a first line {@code text<TAB>label} is a header. A bad line does not stop training: it is reported
 * with its line number and skipped.
 */
public final class Train {

    private static final Logger LOG = LoggerFactory.getLogger(Train.class);

    private Train() {
    }

    /** The examples read from a TSV file, and one message per line that could not be read. */
    public record TsvContent(List<LabelledText> examples, List<String> errors) {
        public TsvContent {
            examples = List.copyOf(examples);
            errors = List.copyOf(errors);
        }
    }

    /** Reads {@code text<TAB>label} lines; the label is the last column, so texts may not contain tabs. */
    public static TsvContent readTsv(Path file) throws IOException {
        List<LabelledText> examples = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).replace("\r", "");
            if (line.isBlank() || (i == 0 && line.toLowerCase(java.util.Locale.ROOT).equals("text\tlabel"))) {
                continue;
            }
            int tab = line.lastIndexOf('\t');
            if (tab < 0) {
                errors.add(file + ":" + (i + 1) + ": no TAB between text and label");
                continue;
            }
            try {
                examples.add(new LabelledText(line.substring(0, tab), SentimentLabel.parse(line.substring(tab + 1))));
            } catch (IllegalArgumentException e) {
                errors.add(file + ":" + (i + 1) + ": " + e.getMessage());
            }
        }
        return new TsvContent(examples, errors);
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2 && !(args.length == 4 && args[2].equals("--epochs"))) {
            System.err.println("usage: Train <labelled.tsv> <model file> [--epochs N]   (TSV lines: text<TAB>label)");
            System.exit(2);
        }
        Path input = Path.of(args[0]);
        Path output = Path.of(args[1]);
        int epochs = args.length == 4 ? Integer.parseInt(args[3]) : TrainedSentimentModel.Settings.DEFAULT_EPOCHS;
        TsvContent content = readTsv(input);
        content.errors().forEach(e -> System.err.println("skipped " + e));
        if (content.examples().isEmpty()) {
            System.err.println("no usable example in " + input);
            System.exit(1);
        }
        Map<SentimentLabel, Integer> counts = new TreeMap<>();
        content.examples().forEach(e -> counts.merge(e.label(), 1, Integer::sum));
        long start = System.nanoTime();
        TrainedSentimentModel model = TrainedSentimentModel.train(content.examples(),
                new TrainedSentimentModel.Settings(epochs, TrainedSentimentModel.Settings.DEFAULT_LEARNING_RATE,
                        TrainedSentimentModel.Settings.DEFAULT_L2, 42L));
        model.save(output);
        LOG.info("trained on {} examples in {} ms", content.examples().size(), (System.nanoTime() - start) / 1_000_000);
        System.out.printf("trained on %d examples %s (%d lines skipped), wrote %s%n",
                content.examples().size(), counts, content.errors().size(), output);
    }
}
