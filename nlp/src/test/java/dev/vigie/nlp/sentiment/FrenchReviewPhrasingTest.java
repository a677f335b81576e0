package dev.vigie.nlp.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Specifications of how the default analyzer reads French reviews and comments: the words and turns of phrase of
 * film and TV-series reviews, written as users write them and as tokenised corpora print them ("je m' attendais").
 * The second list holds phrases these rules must leave as they were.
 */
class FrenchReviewPhrasingTest {

    private static final SentimentAnalyzer DEFAULT = SentimentAnalyzer.builder().build();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Les dialogues sont plats et l'humour est lourd | negative",
                "j'attends la suite avec impatience | positive",
                "Je me suis bien marré | positive",
                "on se marre du début à la fin | positive",
                "Une série à zapper d'urgence | negative",
                "Digne d'une série B | negative",
                "Du déjà vu, le scénario tourne en rond | negative",
                "Sans le moindre intérêt | negative",
                "Quel intérêt ? | negative",
                "Une série dramatique, avec Kiefer Sutherland | neutral",
                "Un feux de l'amour à la française | neutral",
                "Pire que les feux de l'amour | negative",
                "Très bonne série, dommage qu'il n'y ait qu'une saison | positive",
                "très bonne série . dommage qu' il n' y ait qu' une saison . | positive",
                "On a du mal à s'arrêter | positive",
                "impossible de décrocher | positive",
                "J'ai du mal à accrocher | negative",
                "J'ai décroché au bout de cinq minutes | negative",
                "je décroche | negative",
                "Pas le temps de s'ennuyer | positive",
                "Y a pas mieux | positive",
                "il n' y a pas mieux | positive",
                "Une histoire tirée par les cheveux | negative",
                "Un scénario qui n'a ni queue ni tête | negative",
                "Ça se laisse regarder | positive",
                "Cette série aurait pu être grandiose | negative",
                "Elle avait tout pour plaire | negative",
                "Ça ne vaut pas grand-chose | negative",
                "Franchement terrible, la saison 1 | neutral",
                "Comment ne pas rire devant cette série | positive",
                "Une série qui fait rire et pleurer | positive",
                "je m' attendais à mieux | negative",
                "un vrai chef-d' oeuvre | positive",
                "c' est à voir absolument ! | positive",
                "Je lui mets 4 etoile | positive",
                "J'ai mis 3 étoiles | positive",
                "je mets 1 etoile | negative",
                "Trop convenu et prévisible | negative",
                "C'est débile et surcoté | negative",
                "Comme je hais cette série | negative",
                "On n'a pas le temps de s'ennuyer | positive",
                "Il ne se passe pas grand-chose | negative",
                "Je n'ai jamais décroché | positive",
                "Une comédie dramatique | neutral",
                "Le jeu des acteurs laisse franchement à désirer | negative",
                "L'originalité n'est pas au rendez-vous | negative",
                "L'humour est au rendez-vous | positive",
                "Un scénario en dessous de la moyenne | negative",
                "Le seul point positif, c'est la musique | negative",
            })
    void readsTheTurnsOfPhraseOfReviews(String text, String expected) {
        assertThat(DEFAULT.analyze(text, "fr").label().id()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Une série moins drôle que la première | negative",
                "Des personnages peu attachants | negative",
                "Un scénario peu crédible | negative",
                "de moins en moins bien | negative",
                "Elle n'en reste pas moins passionnante | positive",
                "Il y a peu de défauts | positive",
            })
    void moinsAndPeuReverseTheWordAfterThemUnlessNegated(String text, String expected) {
        assertThat(DEFAULT.analyze(text, "fr").label().id()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} stays {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Au moins, les acteurs sont bons | positive",
                "Un peu long, mais drôle | positive",
                "C'est un peu lent | negative",
                "C'est du lourd ! | positive",
                "J'en ai marre de cette série | negative",
                "Dommage, le scénario est raté | negative",
                "Il a décroché un contrat | neutral",
                "Ça aurait pu être pire | positive",
                "Rien à redire, pas grand-chose à reprocher | positive",
                "Une terrible catastrophe | negative",
                "C'est vraiment terrible pour les victimes | negative",
                "Il est terrible de voir ça | negative",
                "Comme convenu, rendez-vous demain | neutral",
                "Le plat du jour est bon | positive",
                "Poids lourds sur l'autoroute | negative",
                "Une série peu ordinaire | neutral",
                "J'en ai bien marre | negative",
            })
    void leavesTheseAsTheyWere(String text, String expected) {
        assertThat(DEFAULT.analyze(text, "fr").label().id()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Un vrai navet | negative",
                "Addictif ! | positive",
                "On s'ennuie ferme | negative",
                "on s' ennuie ferme | negative",
                "Scénario bâclé | negative",
                "Très décevant | negative",
                "Ça traîne | negative",
                "ça traîne en longueur | negative",
                "À voir absolument | positive",
                "a voir absolument ! | positive",
            })
    void readsTheCommonWordsOfReviews(String text, String expected) {
        assertThat(DEFAULT.analyze(text, "fr").label().id()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "je m'attendais à mieux | je m' attendais à mieux",
                "un vrai chef-d'oeuvre | un vrai chef-d' oeuvre",
                "très bonne série, dommage qu'il n'y ait qu'une saison | très bonne série . dommage qu' il n' y ait qu' une saison .",
                "il n'y a pas mieux | il n' y a pas mieux",
                "c'est l'acteur le plus fade de la série | c' est l' acteur le plus fade de la série",
            })
    void readsTokenisedTextAsRawText(String raw, String tokenised) {
        assertThat(DEFAULT.analyze(tokenised, "fr")).isEqualTo(DEFAULT.analyze(raw, "fr"));
    }
}
