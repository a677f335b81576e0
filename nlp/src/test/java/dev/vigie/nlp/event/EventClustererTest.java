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
    void anEventEndsAfterItsWindow() { // neither joined by a mention nor merged at the end of the batch
        EventClusterer clusterer = EventClusterer.builder().window(24 * HOUR).build();
        List<EventClusterer.Item> items = List.of(
                item("a", 0, "en", "wire", "Globex recalls 40,000 Zephyr batteries", null),
                item("b", 72, "en", "blog", "Globex recalls 40,000 Zephyr batteries", null));
        assertThat(eventOf(clusterer.assign(items))).containsEntry("b", "b");
    }

    /** One event worded two ways: "recall" headlines and "stop charging" headlines, then a mention naming both. */
    private List<EventClusterer.Item> recall() {
        return List.of(
                item("a1", 0, "en", "wire", "Globex recalls Zephyr batteries after fires", null),
                item("b1", 1, "en", "blog", "Owners told to stop charging as battery fire risk grows", null),
                item("a2", 2, "en", "daily", "Globex recalls 40,000 Zephyr batteries", null),
                item("b2", 3, "en", "forum", "Stop charging, owners told: battery fire risk", null),
                item("c1", 4, "en", "radio", "Globex battery fire risk: owners told to stop charging Zephyr", null),
                item("x1", 5, "en", "wire", "Initech opens a store in Lyon", null));
    }

    @Test
    void storiesStartedInABatchMergeWhenTheyTurnOutToBeOneEvent() {
        // joining one mention at a time, the two wordings stay two stories
        Map<String, String> apart =
                eventOf(EventClusterer.builder().withoutMerging().build().assign(recall()));
        assertThat(apart.get("a2")).isEqualTo("a1");
        assertThat(apart.get("b2")).isEqualTo("b1");
        assertThat(apart.get("b1")).isNotEqualTo(apart.get("a1"));

        // at the end of the batch, the two stories' mean vectors are close enough: one event, the older id
        EventClusterer clusterer = EventClusterer.create();
        Map<String, String> merged = eventOf(clusterer.assign(recall()));
        assertThat(merged).containsEntry("a1", "a1").containsEntry("a2", "a1").containsEntry("b1", "a1");
        assertThat(merged).containsEntry("b2", "a1").containsEntry("c1", "a1").containsEntry("x1", "x1");
        EventClusterer.EventStory story = clusterer.stories().stream()
                .filter(s -> s.id().equals("a1"))
                .findFirst()
                .orElseThrow();
        assertThat(story.mentions()).isEqualTo(5);
        assertThat(story.outlets()).containsExactlyInAnyOrder("wire", "blog", "daily", "forum", "radio");
        assertThat(story.title()).isEqualTo("Globex recalls Zephyr batteries after fires");
        assertThat(clusterer.stories())
                .extracting(EventClusterer.EventStory::id)
                .containsExactly("a1", "x1");
    }

    @Test
    void aStoryStartedInABatchMergesIntoAnEarlierRunsStoryButTwoEarlierStoriesNeverMerge() {
        List<EventClusterer.Item> items = recall();
        EventClusterer second = EventClusterer.create();
        // an earlier run (without merging) indexed the two wordings as two events
        second.remember(new EventClusterer.Earlier(items.get(0), "a1"));
        second.remember(new EventClusterer.Earlier(items.get(2), "a1"));
        second.remember(new EventClusterer.Earlier(items.get(1), "b1"));
        second.remember(new EventClusterer.Earlier(items.get(3), "b1"));
        Map<String, String> after = eventOf(second.assign(items.subList(4, 6)));
        assertThat(after.get("c1")).isIn("a1", "b1");
        assertThat(after).containsEntry("x1", "x1");
        assertThat(second.stories()).extracting(EventClusterer.EventStory::id).contains("a1", "b1");

        // a story this batch starts, worded like the earlier "stop charging" coverage, joins it under its id
        EventClusterer third = EventClusterer.builder().threshold(1).build(); // no mention joins alone
        third.remember(new EventClusterer.Earlier(items.get(1), "b1"));
        third.remember(new EventClusterer.Earlier(items.get(3), "b1"));
        Map<String, String> merged = eventOf(third.assign(
                List.of(item("b3", 6, "en", "tv", "Battery fire risk: stop charging, owners told", null))));
        assertThat(merged).containsEntry("b3", "b1");
    }

    @Test
    void twoEventsADayApartStaySeparateEvenWhenLaterPostsNameBoth() {
        List<EventClusterer.Item> items = List.of(
                item(
                        "o1",
                        0,
                        "en",
                        "wire",
                        "Ventelune app outage: bikes cannot be unlocked",
                        "The app shows an error and riders cannot unlock their bikes this morning."),
                item("o2", 1, "en", "blog", "Ventelune outage: riders stranded, app down", null),
                item(
                        "o3",
                        3,
                        "en",
                        "daily",
                        "Ventelune apologises for the app outage and offers riders a free month",
                        null),
                item(
                        "l1",
                        20,
                        "en",
                        "wire",
                        "Ventelune data leak: rider home addresses exposed",
                        "A researcher found an API returning rider names and home addresses."),
                item("l2", 21, "en", "forum", "Researcher finds Ventelune API exposing rider addresses", null),
                item(
                        "l3",
                        22,
                        "en",
                        "blog",
                        "After the outage, a data leak: Ventelune API exposed rider home addresses",
                        null),
                item(
                        "l4",
                        23,
                        "en",
                        "radio",
                        "First the outage, now rider names and home addresses exposed by a Ventelune API",
                        null));
        Map<String, String> event = eventOf(EventClusterer.create().assign(items));
        assertThat(List.of(event.get("o2"), event.get("o3"))).containsOnly("o1");
        assertThat(List.of(event.get("l1"), event.get("l2"), event.get("l3"), event.get("l4")))
                .containsOnly("l1");

        // the posts naming both pull the two stories' means together: without the 6-hour gap rule they would merge
        Map<String, String> loose =
                eventOf(EventClusterer.builder().mergeGap(48 * HOUR).build().assign(items));
        assertThat(loose.get("l1")).isEqualTo("o1");
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
        assertThatThrownBy(() -> EventClusterer.builder().mergeThreshold(1.5)).hasMessageContaining("merge");
        assertThatThrownBy(() -> EventClusterer.builder().mergeGap(1000)).hasMessageContaining("1000");
        EventClusterer.Item a = item("a", 0, "en", "wire", "Globex", null);
        assertThatThrownBy(() -> EventClusterer.create().assign(List.of(a, a))).hasMessageContaining("a");
    }
}
