package dev.vigie.nlp.theme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ThemeClassifierTest {

    private static final List<Theme> THEMES = List.of(
            new Theme(
                    "product",
                    "Produit",
                    List.of(
                            "Acme lance la nouvelle version de son application mobile",
                            "La mise à jour 3.2 apporte le mode hors ligne et une interface repensée",
                            "Nouvelle fonctionnalité : l'export PDF arrive dans l'application"),
                    List.of("lancement", "fonctionnalité", "mise à jour")),
            new Theme(
                    "hiring",
                    "Recrutement",
                    List.of(
                            "Acme recrute dix développeurs à Lyon",
                            "Offre d'emploi : chef de projet marketing en CDI",
                            "Rejoignez notre équipe commerciale, postes ouverts à Paris"),
                    List.of("recrute", "emploi", "CDI")),
            new Theme(
                    "pricing",
                    "Prix",
                    List.of(
                            "Acme augmente ses tarifs de 10 % au premier janvier",
                            "Les abonnements baissent : le forfait pro passe à 29 euros par mois"),
                    List.of("tarif", "prix", "abonnement")));

    private final ThemeClassifier classifier = ThemeClassifier.train(THEMES);

    @Test
    void sortsItemsIntoTheThemeTheirWordsBelongTo() {
        assertThat(classifier.best("Le nouveau forfait coûte 35 euros par mois"))
                .isEqualTo("pricing");
        assertThat(classifier.best("Nous recrutons des développeurs en CDI à Lyon"))
                .isEqualTo("hiring");
        assertThat(classifier.classify("La version 4 de l'application arrive avec un mode sombre"))
                .extracting(ThemeMatch::id)
                .first()
                .isEqualTo("product");
    }

    @Test
    void anEnglishItemSharingNoWordWithTheExamplesGoesToTheThemeItsWordsAreNear() {
        ThemeClassifier news = ThemeClassifier.train(List.of(
                new Theme("sport", null, List.of("The team won the football match"), List.of()),
                new Theme("markets", null, List.of("The company's shares fell after a profit warning"), List.of())));
        assertThat(news.best("Striker scores twice as United beat Chelsea")).isEqualTo("sport");
        assertThat(news.best("Investors dumped the bank's bonds")).isEqualTo("markets");
        assertThat(news.classify("The striker and the goalkeeper were the heroes of the match"))
                .extracting(ThemeMatch::id)
                .containsExactly("sport");
        assertThat(news.classify("It was the end of the day and the light was low after a long walk"))
                .as("stop words shared with an example are no evidence")
                .isEmpty();
    }

    @Test
    void aKeywordIsFullEvidenceEvenInPlural() {
        List<ThemeMatch> on = classifier.classify("Hausse des prix annoncée");
        assertThat(on).isNotEmpty();
        assertThat(on.get(0).id()).isEqualTo("pricing");
        assertThat(on.get(0).keyword()).isTrue();
    }

    @Test
    void anItemOnNoThemeGetsNone() {
        assertThat(classifier.classify("Il pleut sur Brest ce matin, les marins restent au port"))
                .isEmpty();
        assertThat(classifier.classify("")).isEmpty();
        assertThat(classifier.scores("Il pleut sur Brest"))
                .hasSize(3)
                .allSatisfy(m -> assertThat(m.score()).isBetween(0.0, 1.0));
    }

    @Test
    void aSingleThemeWatchWorks() {
        ThemeClassifier one = ThemeClassifier.train(List.of(THEMES.get(1)));
        assertThat(one.classify("Acme recrute des commerciaux"))
                .extracting(ThemeMatch::id)
                .containsExactly("hiring");
        assertThat(one.classify("Le soleil brille sur la plage")).isEmpty();
    }

    @Test
    void refusesBadThemesAndSettingsNamingTheValue() {
        assertThatThrownBy(() -> ThemeClassifier.train(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ThemeClassifier.train(List.of(THEMES.get(0), THEMES.get(0))))
                .hasMessageContaining("product");
        assertThatThrownBy(() -> ThemeClassifier.train(THEMES, 1.5)).hasMessageContaining("1.5");
        assertThatThrownBy(() -> new Theme("Bad Id", null, List.of("x"), List.of()))
                .hasMessageContaining("'Bad Id'");
        assertThatThrownBy(() -> new Theme("empty", null, List.of(" "), List.of()))
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> new ThemeMatch("x", 1.2, false)).hasMessageContaining("1.2");
        assertThat(new Theme("t", null, null, List.of("k")).label()).isEqualTo("t");
    }
}
