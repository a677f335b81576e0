package dev.vigie.nlp.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainTest {

    @TempDir
    Path dir;

    private Path file(String content) throws IOException {
        return Files.writeString(dir.resolve("labelled.tsv"), content, StandardCharsets.UTF_8);
    }

    @Test
    void readsLabelsByNameInEnglishAndFrenchAndReportsEachBadLineWithItsNumber() throws IOException {
        Path tsv = file("label\ttext\npositive\tsuper produit\nnégatif\tquelle panne\nno tab here\nmaybe\tbof\n"
                + "NEU\tlivraison lundi\r\npos\tparfait\n");
        Train.Content content = Train.read(tsv, Train.Columns.LABEL_TEXT, Map.of());
        assertThat(content.examples())
                .containsExactly(
                        new LabelledText("super produit", SentimentLabel.POSITIVE),
                        new LabelledText("quelle panne", SentimentLabel.NEGATIVE),
                        new LabelledText("livraison lundi", SentimentLabel.NEUTRAL),
                        new LabelledText("parfait", SentimentLabel.POSITIVE));
        assertThat(content.skipped()).hasSize(2);
        assertThat(content.skipped().get(0)).startsWith("line 4:").contains("no TAB");
        assertThat(content.skipped().get(1)).startsWith("line 5:").contains("'maybe'");
        assertThat(content.counts())
                .containsEntry(SentimentLabel.POSITIVE, 2)
                .containsEntry(SentimentLabel.NEGATIVE, 1);
    }

    @Test
    void refusesNumericLabelsWithoutAMappingAndReadsThemWithOne() throws IOException {
        Path tsv = file("0\tawful service\n1\tthe shop opens at nine\n2\tlovely staff\n2\tgreat\n");
        assertThatThrownBy(() -> Train.read(tsv, Train.Columns.LABEL_TEXT, Map.of()))
                .isInstanceOf(Train.BadFileException.class)
                .hasMessageContaining("numbers")
                .hasMessageContaining("--labels 0=negative,1=neutral,2=positive");
        Train.Content content =
                Train.read(tsv, Train.Columns.LABEL_TEXT, Train.parseMapping("0=negative,1=neutral,2=positive"));
        assertThat(content.examples())
                .extracting(LabelledText::label)
                .containsExactly(
                        SentimentLabel.NEGATIVE,
                        SentimentLabel.NEUTRAL,
                        SentimentLabel.POSITIVE,
                        SentimentLabel.POSITIVE);
        Path binary = Files.writeString(dir.resolve("binary.tsv"), "0\tnul\n1\tgénial\n");
        assertThatThrownBy(() -> Train.read(binary, Train.Columns.LABEL_TEXT, Map.of()))
                .hasMessageContaining("numbers");
    }

    @Test
    void aBadMappingIsNamed() {
        assertThatThrownBy(() -> Train.parseMapping("0=negative,1=meh")).hasMessageContaining("'meh'");
        assertThatThrownBy(() -> Train.parseMapping("0negative")).hasMessageContaining("VALUE=NAME");
    }

    @Test
    void saysTheColumnsAreSwappedWhenTheLabelsAreInTheOtherColumn() throws IOException {
        Path swapped =
                file("what a great day\tpositive\nterrible queue again\tnegative\nshop opens at nine\tneutral\n");
        assertThatThrownBy(() -> Train.read(swapped, Train.Columns.LABEL_TEXT, Map.of()))
                .isInstanceOf(Train.BadFileException.class)
                .hasMessageContaining("swapped")
                .hasMessageContaining("--columns text,label");
        assertThat(Train.read(swapped, Train.Columns.TEXT_LABEL, Map.of()).examples())
                .hasSize(3);
        Path numericSwapped = file("super\t1\nnul\t0\n");
        assertThatThrownBy(() -> Train.read(numericSwapped, Train.Columns.LABEL_TEXT, Map.of()))
                .hasMessageContaining("swapped");
    }

    @Test
    void aMissingFileIsOneLine() {
        assertThatThrownBy(() -> Train.read(dir.resolve("nope.tsv"), Train.Columns.LABEL_TEXT, Map.of()))
                .isInstanceOf(Train.BadFileException.class)
                .hasMessage("no such file: " + dir.resolve("nope.tsv"));
    }

    @Test
    void crossValidatedMacroF1SeparatesALearnableTaskFromNoise() {
        List<LabelledText> learnable = new ArrayList<>();
        List<LabelledText> noise = new ArrayList<>();
        String[] good = {"excellent", "parfait", "génial", "superbe", "ravi"};
        String[] bad = {"horrible", "nul", "panne", "arnaque", "déçu"};
        for (int i = 0; i < 40; i++) {
            learnable.add(new LabelledText("produit " + good[i % 5] + " numéro " + i, SentimentLabel.POSITIVE));
            learnable.add(new LabelledText("produit " + bad[i % 5] + " numéro " + i, SentimentLabel.NEGATIVE));
            noise.add(new LabelledText(
                    "produit numéro " + i + " lot " + (i * 7 % 11),
                    i % 2 == 0 ? SentimentLabel.POSITIVE : SentimentLabel.NEGATIVE));
        }
        TrainedSentimentModel.Settings settings = TrainedSentimentModel.Settings.DEFAULT;
        assertThat(Train.crossValidatedMacroF1(learnable, settings, 5)).isGreaterThan(0.9);
        assertThat(Train.crossValidatedMacroF1(noise, settings, 5)).isLessThan(0.75);
    }
}
