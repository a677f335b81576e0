package dev.vigie.jobs.cli;

import dev.vigie.nlp.sentiment.LabelledText;
import dev.vigie.nlp.sentiment.SentimentLabel;
import dev.vigie.nlp.sentiment.Train;
import dev.vigie.nlp.sentiment.TrainedSentimentModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigie train --lang fr --in labelled.tsv --out fr.model}: fits a sentiment model on an analyst's labelled
 * posts, for a watch file's {@code sentiment: { models: { fr: fr.model } }}.
 */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Fit a sentiment model on your own labelled posts, for a watch file's",
            "'sentiment: { models: { LANG: FILE } }'.",
            "Input: UTF-8, one post a line, label<TAB>text; labels by name (negative, neutral, positive, neg, pos,",
            "négatif, neutre, positif). Numeric labels need --labels."
        },
        footer = {
            "",
            "Example:",
            "  vigie train --lang fr --in avis.tsv --out models/fr.model",
            "  vigie train --lang en --in tweets.tsv --labels 0=negative,1=neutral,2=positive --out models/en.model",
            "",
            "Exit codes: 0 model written, 1 the file could not be used (one line says why), 2 bad usage."
        })
public final class TrainCommand implements Callable<Integer> {
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
    /** Lines reported one by one before the rest is only counted. */
    static final int SHOWN_SKIPS = 10;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--lang",
            paramLabel = "CODE",
            required = true,
            description =
                    "Language of the posts (two-letter code, e.g. fr); the model replaces the built-in one for it.")
    String language;

    @Option(names = "--in", paramLabel = "FILE", required = true, description = "Labelled posts (label<TAB>text).")
    Path input;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where to write the model.")
    Path output;

    @Option(
            names = "--labels",
            paramLabel = "MAPPING",
            description = "What label values mean, for numeric or coded labels: e.g. 0=negative,1=neutral,2=positive.")
    String labels;

    @Option(
            names = "--columns",
            paramLabel = "ORDER",
            defaultValue = "label,text",
            description = "Column order: label,text (default) or text,label.")
    String columns;

    @Option(
            names = "--epochs",
            paramLabel = "N",
            defaultValue = "" + TrainedSentimentModel.Settings.DEFAULT_EPOCHS,
            description = "Passes over the data (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(
            names = "--folds",
            paramLabel = "N",
            defaultValue = "5",
            description =
                    "Folds of the cross-validated macro-F1 printed at the end; 0 skips it (default: ${DEFAULT-VALUE}).")
    int folds;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!LANGUAGE.matcher(language).matches()) {
            throw usage("--lang must be a two-letter language code such as fr: '" + language + "'");
        }
        Train.Columns order = switch (columns.trim().toLowerCase(Locale.ROOT)) {
            case "label,text" -> Train.Columns.LABEL_TEXT;
            case "text,label" -> Train.Columns.TEXT_LABEL;
            default -> throw usage("--columns must be label,text or text,label: '" + columns + "'");
        };
        if (epochs < 1 || epochs > 1000) {
            throw usage("--epochs must be between 1 and 1000: " + epochs);
        }
        if (folds != 0 && (folds < 2 || folds > 20)) {
            throw usage("--folds must be 0 (no cross-validation) or between 2 and 20: " + folds);
        }
        Map<String, SentimentLabel> mapping;
        try {
            mapping = labels == null ? Map.of() : Train.parseMapping(labels);
        } catch (IllegalArgumentException e) {
            throw usage("--labels: " + e.getMessage());
        }
        Train.Content content = Train.read(input, order, mapping);
        List<String> skipped = content.skipped();
        skipped.stream().limit(SHOWN_SKIPS).forEach(s -> err.println("skipped " + input + " " + s));
        if (skipped.size() > SHOWN_SKIPS) {
            err.println("skipped " + (skipped.size() - SHOWN_SKIPS) + " more lines");
        }
        err.flush();
        List<LabelledText> examples = content.examples();
        if (content.counts().size() < 2) {
            throw new IllegalArgumentException(
                    input + ": a model needs examples of at least two classes, read " + describe(content.counts())
                            + (skipped.isEmpty() ? "" : " (" + skipped.size() + " lines skipped)"));
        }
        TrainedSentimentModel.Settings settings = new TrainedSentimentModel.Settings(
                epochs,
                TrainedSentimentModel.Settings.DEFAULT_LEARNING_RATE,
                TrainedSentimentModel.Settings.DEFAULT_L2,
                42L);
        long start = System.nanoTime();
        TrainedSentimentModel model = Train.fit(examples, settings);
        long fitMs = (System.nanoTime() - start) / 1_000_000;
        model.save(output);
        out.printf(
                Locale.ROOT,
                "read %d examples (%s), skipped %d lines%n",
                examples.size(),
                describe(content.counts()),
                skipped.size());
        out.printf(
                Locale.ROOT,
                "wrote the '%s' sentiment model to %s (fitted in %.1f s)%n",
                language,
                output,
                fitMs / 1000.0);
        if (folds >= 2) {
            int smallest = content.counts().values().stream()
                    .mapToInt(Integer::intValue)
                    .min()
                    .orElse(0);
            if (smallest < folds) {
                out.printf(
                        Locale.ROOT,
                        "no cross-validation: a class has only %d examples (fewer than %d folds)%n",
                        smallest,
                        folds);
            } else {
                double f1 = Train.crossValidatedMacroF1(examples, settings, folds);
                out.printf(
                        Locale.ROOT,
                        "%d-fold cross-validated macro-F1: %.3f (each fold scored by a model fitted on the others)%n",
                        folds,
                        f1);
            }
        }
        out.printf("use it in a watch file:%n  sentiment:%n    models:%n      %s: %s%n", language, output);
        out.flush();
        return ExitCodes.OK;
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    private static String describe(Map<SentimentLabel, Integer> counts) {
        if (counts.isEmpty()) {
            return "no class";
        }
        StringBuilder sb = new StringBuilder();
        counts.forEach((label, n) ->
                sb.append(sb.length() == 0 ? "" : ", ").append(n).append(' ').append(label.id()));
        return sb.toString();
    }
}
