package dev.vigie.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigie.jobs.watch.Watch;
import dev.vigie.jobs.watch.WatchLoader;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportScopeTest {

    @Test
    void takesLanguageRecipientsThemesAndTimeZoneFromTheWatch() throws Exception {
        Watch watch = new WatchLoader(Map.of()).parse("acme.yaml", """
                watch: acme
                language: en
                timezone: Europe/Paris
                brand: { name: Acme }
                competitors: [{ name: Globex }]
                themes: [{ id: pricing, label: "Prix", keywords: [prix] }]
                report: { weekly: { to: ["direction@acme.example"], language: fr } }
                """);
        ReportScope scope = ReportScope.of(watch);
        assertThat(scope.locale()).isEqualTo(Locale.FRANCE);
        assertThat(scope.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(scope.allBrands()).containsExactly("Acme", "Globex");
        assertThat(scope.themeLabels()).containsEntry("pricing", "Prix");
        assertThat(scope.recipients()).containsExactly("direction@acme.example");
    }

    @Test
    void withoutWeeklySettingsTheReportUsesTheWatchLanguageAndHasNoRecipients() throws Exception {
        Watch watch = new WatchLoader(Map.of()).parse("w.yaml", "watch: acme\nlanguage: fr\nbrand: { name: Acme }\n");
        ReportScope scope = ReportScope.of(watch);
        assertThat(scope.locale().getLanguage()).isEqualTo("fr");
        assertThat(scope.recipients()).isEmpty();
    }

    @Test
    void refusesBadScopes() {
        assertThatThrownBy(() ->
                        new ReportScope("Acme!", "Acme", List.of(), Map.of(), Locale.UK, ZoneOffset.UTC, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Acme!");
        assertThatThrownBy(() -> new ReportScope(
                        "acme", "Acme", List.of("acme"), Map.of(), Locale.UK, ZoneOffset.UTC, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("acme");
        assertThatThrownBy(() ->
                        new ReportScope("acme", "Acme", List.of(), Map.of(), Locale.GERMAN, ZoneOffset.UTC, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("de");
        assertThatThrownBy(() -> ReportScope.localeOf("es")).hasMessageContaining("'es'");
    }
}
