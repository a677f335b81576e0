package dev.vigie.jobs.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A watch built in code is held to the same rules as one read from a file. */
class WatchRecordsTest {
    private static final Brand ACME = new Brand("Acme", List.of("Acme Corp"));

    private static AlertRuleSpec rule(String id) {
        return new AlertRuleSpec(id, "acme", List.of(), SentimentFilter.ANY, List.of(), Frequency.RUN);
    }

    @Test
    void builderAppliesNamedDefaults() {
        Watch w = Watch.builder("acme", ACME).build();
        assertThat(w.language()).isEqualTo(Watch.DEFAULT_LANGUAGE);
        assertThat(w.timezone()).isEqualTo(Watch.DEFAULT_TIMEZONE);
        assertThat(w.elasticsearch()).isEqualTo(ElasticsearchSettings.DEFAULT);
        assertThat(w.mail()).isEqualTo(MailSettings.DEFAULT);
        assertThat(w.report()).isEmpty();
        assertThat(rule("a").every()).isEqualTo(AlertRuleSpec.DEFAULT_EVERY);
    }

    @Test
    void builderRefusesBadIdsAndDuplicates() {
        assertThatThrownBy(() -> Watch.builder("Acme", ACME).build())
                .hasMessage("watch id 'Acme' is not an id of lower-case letters, digits and '-' ([a-z0-9-]+)");
        assertThatThrownBy(() -> Watch.builder("acme", ACME)
                        .alert(rule("a"))
                        .alert(rule("a"))
                        .build())
                .hasMessage("duplicate alert id 'a'");
        ThemeSpec t = new ThemeSpec("product", null, List.of(), List.of("launch"));
        assertThatThrownBy(() -> Watch.builder("acme", ACME).theme(t).theme(t).build())
                .hasMessage("duplicate theme id 'product'");
        Competitor globex = new Competitor("Globex", List.of(), List.of(), List.of());
        assertThatThrownBy(() -> Watch.builder("acme", ACME)
                        .competitor(globex)
                        .competitor(globex)
                        .build())
                .hasMessage("duplicate competitor name 'Globex'");
        assertThatThrownBy(() -> Watch.builder("acme", ACME)
                        .kibana(URI.create("file:///x"))
                        .build())
                .hasMessageContaining("kibana url");
    }

    @Test
    void recordsRefuseWhatTheLoaderRefuses() {
        assertThatThrownBy(() -> new Brand(" ", List.of())).hasMessage("brand name must not be empty");
        assertThatThrownBy(() -> new PageWatch(URI.create("ftp://x.example/p")))
                .hasMessageContaining("is not an absolute http(s) URL");
        assertThatThrownBy(() -> new PageWatch(URI.create("https://x.example/p"), "main >>> p", null, List.of()))
                .hasMessageContaining("'main >>> p'");
        assertThatThrownBy(() -> new PageWatch(URI.create("https://x.example/p"), null, null, List.of("(x")))
                .hasMessageContaining("'(x'");
        assertThatThrownBy(() -> new Sources(
                        List.of(URI.create("mailto:a@b.example")), List.of(), List.of(), List.of(), List.of()))
                .hasMessageContaining("feed 'mailto:a@b.example'");
        assertThatThrownBy(() -> new MastodonSource(URI.create("https://m.example"), List.of(), List.of()))
                .hasMessageContaining("needs hashtags or queries");
        assertThatThrownBy(() -> new AlertRuleSpec("a", " ", List.of(), null, List.of(), null))
                .hasMessageContaining("alert query");
        assertThatThrownBy(() -> new AlertRuleSpec("a", "x", List.of("french"), null, List.of(), null))
                .hasMessageContaining("'french' is not a two-letter code");
        assertThatThrownBy(() ->
                        new AlertRuleSpec("a", "x", List.of(), null, List.of("a@b.example\r\nBcc: c@d.example"), null))
                .hasMessageContaining("is not an email address");
        assertThatThrownBy(() -> new ThemeSpec("t", "T", List.of(), List.of()))
                .hasMessageContaining("needs examples or keywords");
        assertThatThrownBy(() -> new ReportSpec(List.of(), DayOfWeek.MONDAY, Language.FR))
                .hasMessageContaining("at least one recipient");
        assertThatThrownBy(() -> new ElasticsearchSettings(URI.create("localhost:9200"), null))
                .hasMessageContaining("elasticsearch url");
        assertThatThrownBy(() -> MailSettings.smtp(URI.create("http://mail.example"), "", Secret.NONE, "a@b.example"))
                .hasMessageContaining("is not smtp://host:port");
        assertThatThrownBy(
                        () -> MailSettings.smtp(URI.create("smtp://u:pw@mail.example"), "", Secret.NONE, "a@b.example"))
                .hasMessage("mail smtp URL must not carry credentials: use username and password");
        assertThatThrownBy(() -> MailSettings.outbox("outbox", "nobody")).hasMessageContaining("mail from 'nobody'");
    }

    @Test
    void recordsCopyTheirLists() {
        List<String> aliases = new ArrayList<>(List.of("Acme Corp"));
        Brand brand = new Brand("Acme", aliases);
        aliases.add("later");
        assertThat(brand.aliases()).containsExactly("Acme Corp");
        assertThatThrownBy(() -> brand.aliases().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void secretsAreMaskedAndComparable() {
        Secret s = Secret.of("hunter2");
        assertThat(s).hasToString("****").isEqualTo(Secret.of("hunter2"));
        assertThat(s.reveal()).isEqualTo("hunter2");
        assertThat(Secret.of("")).isSameAs(Secret.NONE);
        assertThat(new ElasticsearchSettings(URI.create("http://es:9200"), s).toString())
                .doesNotContain("hunter2");
    }
}
