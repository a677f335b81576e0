package dev.vigie.connectors.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What kind of change a page change is, as the page-changes dashboard and the weekly report show it. */
class PageChangeKindTest {

    private final PageWatcher watcher = new PageWatcher();

    private PageSnapshot snapshot(PageSpec spec, String... items) {
        StringBuilder html = new StringBuilder("<html><body><main><section class=\"jobs products\"><ul>");
        for (String item : items) {
            html.append("<li>").append(item).append("</li>");
        }
        html.append("</ul></section></main></body></html>");
        return watcher.snapshot(
                spec,
                html.toString().getBytes(StandardCharsets.UTF_8),
                "text/html; charset=utf-8",
                null,
                Instant.parse("2026-11-24T10:00:00Z"));
    }

    private ChangeKind kindOf(PageSpec spec, List<String> before, List<String> after) {
        return watcher.compare(
                        snapshot(spec, before.toArray(String[]::new)), snapshot(spec, after.toArray(String[]::new)))
                .orElseThrow()
                .kind();
    }

    @Test
    void aNewLineOnACareersPageIsAJobEvenWithoutTheWordJob() {
        PageSpec careers = new PageSpec("https://cyclanthe.example/careers", "main", null, List.of());
        assertThat(kindOf(
                        careers,
                        List.of("Bike Mechanic – Bordeaux – Full-time"),
                        List.of("Senior Data Engineer – Montreal – Full-time", "Bike Mechanic – Bordeaux – Full-time")))
                .isEqualTo(ChangeKind.JOBS);
        PageSpec carrieres = new PageSpec("https://roulequai.example/carrieres", "main", null, List.of());
        assertThat(kindOf(
                        carrieres,
                        List.of("Mécanicien vélo – Lyon"),
                        List.of("Mécanicien vélo – Lyon", "Responsable des partenariats – Paris")))
                .isEqualTo(ChangeKind.JOBS);
    }

    @Test
    void theWatchedSectionTellsTheKindWhenTheUrlDoesNot() {
        PageSpec jobs = new PageSpec("https://cyclanthe.example/about", "main .jobs", null, List.of());
        assertThat(kindOf(
                        jobs,
                        List.of("Bike Mechanic – Bordeaux"),
                        List.of("Bike Mechanic – Bordeaux", "Data Engineer – Montreal")))
                .isEqualTo(ChangeKind.JOBS);
    }

    @Test
    void theChangedLinesWinOverThePage() {
        PageSpec careers = new PageSpec("https://cyclanthe.example/careers", "main", null, List.of());
        assertThat(kindOf(
                        careers,
                        List.of("Bike Mechanic – Bordeaux – 2 400 €"),
                        List.of("Bike Mechanic – Bordeaux – 2 600 €")))
                .isEqualTo(ChangeKind.PRICE);
        assertThat(kindOf(
                        careers,
                        List.of("Bike Mechanic – Bordeaux"),
                        List.of("Bike Mechanic – Bordeaux", "Introducing our new cargo bike")))
                .isEqualTo(ChangeKind.PRODUCT);
    }

    @Test
    void aChangeOnAPageThatSaysNothingOfItselfStaysOther() {
        PageSpec about = new PageSpec("https://news.example.com/about-us", "main", null, List.of());
        assertThat(kindOf(about, List.of("Founded in Lyon"), List.of("Founded in Lyon in 2019 by two riders")))
                .isEqualTo(ChangeKind.OTHER);
    }
}
