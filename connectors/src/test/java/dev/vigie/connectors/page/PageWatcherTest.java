package dev.vigie.connectors.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PageWatcherTest {
    private static final String URL = "https://globex.example/pricing";
    private final PageWatcher watcher = new PageWatcher();
    private int day;

    private PageSnapshot snap(PageSpec spec, String html) {
        day++;
        return watcher.snapshot(
                spec,
                html.getBytes(StandardCharsets.UTF_8),
                "text/html; charset=utf-8",
                URI.create(URL),
                Instant.parse("2026-03-01T00:00:00Z").plusSeconds(86_400L * day));
    }

    private static String page(String main) {
        return "<html><head><title>Globex</title><script>var t=" + System.nanoTime() + ";</script></head><body>"
                + "<nav><a href=/>Home</a></nav><main>" + main + "</main><footer>© Globex</footer></body></html>";
    }

    @Test
    void priceChangeIsOfKindPriceWithAmountsOldAndNew() {
        PageSpec spec = new PageSpec(URL, "main .plans", null, List.of());
        PageSnapshot before = snap(spec, page("<div class=plans><h2>Pro</h2><p>29,99 € / mois</p></div>"));
        PageSnapshot after = snap(spec, page("<div class=plans><h2>Pro</h2><p>34,99 € / mois</p></div>"));

        PageChange c = watcher.compare(before, after).orElseThrow();

        assertThat(c.kind()).isEqualTo(ChangeKind.PRICE);
        assertThat(c.pricesBefore()).containsExactly("EUR 29.99");
        assertThat(c.pricesAfter()).containsExactly("EUR 34.99");
        assertThat(c.removed()).containsExactly("29,99 € / mois");
        assertThat(c.added()).containsExactly("34,99 € / mois");
        assertThat(c.section()).isEqualTo("main .plans");
        assertThat(c.magnitude()).isEqualTo(0.5);
        assertThat(c.diff()).contains("-29,99 € / mois").contains("+34,99 € / mois");
    }

    @Test
    void newJobOffersAndNewProductsAreKindedAsSuch() {
        PageSpec spec = new PageSpec(URL);
        PageSnapshot base = snap(spec, page("<h1>Globex</h1><p>We make rockets.</p>"));

        PageChange jobs = watcher.compare(
                        base,
                        snap(
                                spec,
                                page("<h1>Globex</h1><p>We make rockets.</p>"
                                        + "<h2>Careers</h2><p>We're hiring: senior engineer (CDI, Paris)</p>")))
                .orElseThrow();
        PageChange product = watcher.compare(
                        base,
                        snap(
                                spec,
                                page("<h1>Globex</h1><p>We make rockets.</p>"
                                        + "<p>Introducing Rocket X: now available with a new autopilot feature</p>")))
                .orElseThrow();

        assertThat(jobs.kind()).isEqualTo(ChangeKind.JOBS);
        assertThat(product.kind()).isEqualTo(ChangeKind.PRODUCT);
    }

    @Test
    void whitespaceLineEndingsUnicodeFormAndEncodingDamageAreNoChange() {
        PageSpec spec = new PageSpec(URL);
        PageSnapshot a = snap(spec, page("<p>Café crème\n à emporter</p><p>Don’t miss it</p>"));
        PageSnapshot b = snap(spec, page("<p>Cafe\u0301   crème\r\n à emporter</p>\r\n<p>Donâ€™t miss it</p>"));

        assertThat(watcher.compare(a, b)).isEmpty();
        assertThat(a.lines()).containsExactly("Café crème à emporter", "Don’t miss it");
    }

    @Test
    void defaultNoiseIgnoredSelectorsAndWatchPatternsAreNoChange() {
        PageSpec spec = new PageSpec(URL, null, ".carousel", List.of("(?i)visitor #\\d+"));
        PageSnapshot a = snap(
                spec,
                page("<p>Offre Pro</p><p>Mis à jour à 10:32</p><p>1 234 vues</p>"
                        + "<p>Posted 5 minutes ago</p><div class=carousel>Slide A</div><p>Welcome visitor #17</p>"));
        PageSnapshot b = snap(
                spec,
                page("<p>Offre Pro</p><p>Mis à jour à 11:05</p><p>1 301 vues</p>"
                        + "<p>Posted 12 minutes ago</p><div class=carousel>Slide B</div><p>Welcome visitor #18</p>"));

        assertThat(watcher.compare(a, b))
                .as(watcher.compare(a, b).map(PageChange::diff).orElse(""))
                .isEmpty();
    }

    @Test
    void onlyTheSelectedSectionCountsAndAMissingSectionIsRecorded() {
        PageSpec spec = new PageSpec(URL, "#offers", "footer", List.of());
        PageSnapshot a = snap(spec, page("<section id=offers><p>Basic</p></section><aside>Ad one</aside>"));
        PageSnapshot b = snap(spec, page("<section id=offers><p>Basic</p></section><aside>Ad two</aside>"));
        PageSnapshot gone = snap(spec, page("<section id=other><p>Basic</p></section>"));

        assertThat(watcher.compare(a, b)).isEmpty();
        assertThat(a.found()).isTrue();
        assertThat(gone.found()).isFalse();
        assertThat(watcher.compare(a, gone))
                .hasValueSatisfying(c -> assertThat(c.removed()).containsExactly("Basic"));
    }

    @Test
    void firstSnapshotIsABaselineNotAChange() throws Exception {
        PageSnapshot first = snap(new PageSpec(URL), page("<p>hello</p>"));

        assertThat(watcher.compare(null, first)).isEqualTo(Optional.empty());
        try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
            out.writeObject(first);
        }
    }

    @Test
    void specRefusesBadSelectorsPatternsAndUrlsNamingThem() {
        assertThatThrownBy(() -> new PageSpec(URL, "main >>> p", null, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("main >>> p");
        assertThatThrownBy(() -> new PageSpec(URL, null, "div[", List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("div[");
        assertThatThrownBy(() -> new PageSpec(URL, null, null, List.of("(unclosed")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(unclosed");
        assertThatThrownBy(() -> new PageSpec(URL, null, null, List.of("(Visitors: )?\\d*")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(Visitors: )?\\d*")
                .hasMessageContaining("matches the empty string");
        assertThatThrownBy(() -> new PageSpec("globex.example/pricing")).isInstanceOf(IllegalArgumentException.class);
    }
}
