package dev.vigie.nlp.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventClustererTest {

    private static final long HOUR = 3_600_000L;
    private static final long T0 = 1_767_571_200_000L;
    private final EventSignals signals = new EventSignals(List.of("Ventelune"));

    private EventClusterer.Item item(String id, long hours, String lang, String outlet, String title, String text) {
        return new EventClusterer.Item(
                id, T0 + hours * HOUR, lang, outlet, title, signals.keys(title, text, lang), null);
    }

    /** Coverage of a data leak in French and English, and unrelated news of the same brand. */
    private List<EventClusterer.Item> week() {
        List<EventClusterer.Item> items = new ArrayList<>();
        items.add(item(
                "fr1",
                0,
                "fr",
                "Le Courrier Tech",
                "Fuite de données chez Ventelune ? L'entreprise enquête",
                "Un chercheur en sécurité affirme qu'une interface de l'application Ventelune laissait accessibles les noms"
                        + " et adresses d'abonnés. L'entreprise dit enquêter sur cette possible fuite de données."));
        items.add(
                item(
                        "fr2",
                        3,
                        "fr",
                        "Vélo & Ville",
                        "Ventelune confirme une fuite de données touchant 12 000 abonnés",
                        "Les noms, adresses et historiques de trajets de 12 000 abonnés ont été exposés. La CNIL a été notifiée."));
        items.add(item(
                "fr3",
                4,
                "fr",
                "mastodon",
                null,
                "Ventelune confirme la fuite de données : 12 000 abonnés"
                        + " concernés. Changez vos mots de passe. #ventelune"));
        items.add(item(
                "en1",
                1,
                "en",
                "Mobility Wire",
                "Security researcher says Ventelune API exposed rider data",
                "An unauthenticated API endpoint returned rider names and home addresses, a researcher said."));
        items.add(item(
                "en2",
                2,
                "en",
                "hackernews",
                "Ventelune API exposed rider names and home addresses",
                "Found an unauthenticated Ventelune API endpoint returning rider names and home addresses. This is a data"
                        + " leak."));
        items.add(item(
                "en3",
                5,
                "en",
                "reddit",
                "Ventelune confirms data leak: 12,000 subscribers, CNIL notified",
                "Names, home addresses and ride histories of 12,000 subscribers exposed; the CNIL was notified."));
        items.add(item(
                "x1",
                2,
                "fr",
                "Le Courrier Tech",
                "Ventelune lance un vélo cargo à 44 euros par mois",
                "Le nouveau modèle cargo de Ventelune arrive à Lyon en mars."));
        items.add(item(
                "x2",
                6,
                "en",
                "Mobility Wire",
                "Roulequai unveils a longtail e-bike",
                "Roulequai's new longtail e-bike ships in April."));
        return items;
    }

    private static Map<String, String> eventOf(List<EventClusterer.Assignment> assignments) {
        Map<String, String> out = new HashMap<>();
        assignments.forEach(a -> out.put(a.id(), a.eventId()));
        return out;
    }

    @Test
    void oneEventAcrossOutletsAndLanguagesUnrelatedNewsApart() {
        EventClusterer clusterer =
                EventClusterer.builder().preferredLanguage("fr").build();
        Map<String, String> event = eventOf(clusterer.assign(week()));
        assertThat(event.get("fr2")).isEqualTo(event.get("fr1")).isEqualTo(event.get("fr3"));
        assertThat(event.get("en2")).isEqualTo(event.get("en1"));
        // the English report naming the figure and the CNIL joins the French coverage: one event in two languages
        assertThat(event.get("en3")).isEqualTo(event.get("fr2"));
        assertThat(event.get("x1")).isEqualTo("x1");
        assertThat(event.get("x2")).isEqualTo("x2");

        EventClusterer.EventStory leak = clusterer.stories().stream()
                .filter(s -> s.id().equals("fr1"))
                .findFirst()
                .orElseThrow();
        assertThat(leak.title()).isEqualTo("Fuite de données chez Ventelune ? L'entreprise enquête");
        assertThat(leak.firstSeenMillis()).isEqualTo(T0);
        assertThat(leak.languages()).containsExactlyInAnyOrder("fr", "en");
        assertThat(leak.outlets()).contains("Le Courrier Tech", "Vélo & Ville", "mastodon", "reddit");
    }

    @Test
    void aLaterRunContinuesTheEventOfAnEarlierRunAndNeverRenamesIt() {
        List<EventClusterer.Item> all = week();
        EventClusterer first = EventClusterer.create();
        Map<String, String> before = eventOf(first.assign(all.subList(0, 2)));

        EventClusterer second = EventClusterer.create();
        second.remember(new EventClusterer.Earlier(all.get(0), before.get("fr1")));
        second.remember(new EventClusterer.Earlier(all.get(1), before.get("fr2")));
        Map<String, String> after = eventOf(second.assign(all.subList(2, 3)));
        assertThat(after.get("fr3")).isEqualTo(before.get("fr2")).isEqualTo("fr1");
    }

    @Test
    void theOutcomeDoesNotDependOnArrivalOrder() {
        List<EventClusterer.Item> items = week();
        Map<String, String> inOrder = eventOf(EventClusterer.create().assign(items));
        List<EventClusterer.Item> reversed = new ArrayList<>(items);
        java.util.Collections.reverse(reversed);
        assertThat(eventOf(EventClusterer.create().assign(reversed))).isEqualTo(inOrder);
    }

    @Test
    void nearCopiesShareTheirEventWithoutComparison() {
        EventClusterer clusterer = EventClusterer.create();
        List<EventClusterer.Item> items = List.of(
                new EventClusterer.Item("a", T0, "en", "wire", "Globex recalls batteries", List.of("e:globex"), "a"),
                new EventClusterer.Item("b", T0 + HOUR, "en", "blog", "Globex recalls batteries", List.of(), "a"));
        assertThat(eventOf(clusterer.assign(items))).containsEntry("b", "a");
    }

    @Test
    void anEventEndsAfterItsWindow() {
        EventClusterer clusterer = EventClusterer.builder().window(24 * HOUR).build();
        List<EventClusterer.Item> items = List.of(
                item("a", 0, "en", "wire", "Globex recalls 40,000 Zephyr batteries", null),
                item("b", 72, "en", "blog", "Globex recalls 40,000 Zephyr batteries", null));
        assertThat(eventOf(clusterer.assign(items))).containsEntry("b", "b");
    }

    @Test
    void refusesBadSettingsAndDuplicates() {
        assertThatThrownBy(() -> EventClusterer.builder().threshold(0)).hasMessageContaining("0.0");
        assertThatThrownBy(() -> EventClusterer.builder().crossLanguageThreshold(1.5))
                .hasMessageContaining("1.5");
        assertThatThrownBy(() -> EventClusterer.builder().minSharedNames(0)).hasMessageContaining("0");
        assertThatThrownBy(() -> EventClusterer.builder().window(1000)).hasMessageContaining("1000");
        assertThatThrownBy(() -> EventClusterer.builder().maxCandidates(0)).hasMessageContaining("0");
        assertThatThrownBy(() -> EventClusterer.builder().maxPostings(0)).hasMessageContaining("0");
        assertThatThrownBy(() -> EventClusterer.builder().nameWeight(0)).hasMessageContaining("name weight");
        assertThatThrownBy(() -> EventClusterer.builder().numberWeight(11)).hasMessageContaining("number weight");
        assertThatThrownBy(() -> EventClusterer.builder().background(-1)).hasMessageContaining("-1");
        assertThatThrownBy(() -> EventClusterer.builder().commonShare(0)).hasMessageContaining("0");
        EventClusterer.Item a = item("a", 0, "en", "wire", "Globex", null);
        assertThatThrownBy(() -> EventClusterer.create().assign(List.of(a, a))).hasMessageContaining("a");
    }
}
