package dev.vigie.nlp.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Specifications: negation, litotes, contrast, questions and ironic praise, as the pipeline's default analyzer reads
 * them in English and French. Each line is a phrase a user would check by hand.
 */
class PhrasingRulesTest {

    private static final SentimentAnalyzer DEFAULT = SentimentAnalyzer.builder().build();

    @ParameterizedTest(name = "[{0}] {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "en | Not bad at all | positive",
                "en | Not bad at all. | positive",
                "en | can't complain | positive",
                "en | Can’t complain, the service was quick | positive",
                "en | couldn't be happier | positive",
                "en | I couldn't be happier with it | positive",
                "en | not the worst | positive",
                "en | Not the worst phone I've owned | positive",
                "en | Does this camera support RAW files? | neutral",
                "en | The meeting is on Tuesday. | neutral",
                "en | Great, another outage. Brilliant. | negative",
                "en | I love this phone | positive",
                "en | This is terrible | negative",
                "en | The screen is nice but the battery is awful | negative",
                "fr | j'adore pas | negative",
                "fr | J'aime pas ce produit | negative",
                "fr | j'adore | positive",
                "fr | je n'aime pas du tout | negative",
                "fr | Super, encore une panne. Génial. | negative",
                "fr | Est-ce que cet appareil prend en charge le RAW ? | neutral",
                "fr | je ne peux pas me plaindre | positive",
                "fr | c'est nul | negative",
                "fr | Bel écran mais la batterie est nulle | negative",
            })
    void readsTheseAsAPersonWould(String language, String text, String expected) {
        assertThat(DEFAULT.analyze(text, language).label().id()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{0}] {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                // negation and its scope
                "fr | Je n'ai pas du tout aimé | negative",
                "fr | J'aime pas du tout | negative",
                "fr | J'aime vraiment pas | negative",
                "fr | Je ne l'aime plus | negative",
                "fr | Ce film n'est guère convaincant | negative",
                "fr | Je n'ai jamais été déçu | positive",
                "fr | Ce n'est que médiocre | negative",
                "fr | Une personne adorable | positive",
                "fr | Sans doute la meilleure série de l'année | positive",
                "fr | Sans problème, livraison rapide | positive",
                "fr | C'est mal réussi | negative",
                "fr | L'acteur est bien mauvais | negative",
                "en | I did not like it at all | negative",
                "en | Without a doubt the best show of the year | positive",
                // contrast and concession: the clause after "mais" weighs more, the conceded one less
                "fr | Le début est prometteur, mais la fin est ratée | negative",
                "fr | Quelques longueurs, mais une série passionnante | positive",
                "fr | La fin est ratée, pourtant l'ensemble reste excellent | positive",
                "fr | Le scénario est mauvais, par contre les acteurs sont bons | positive",
                "fr | Les acteurs sont mauvais. En revanche, la musique est bonne | positive",
                "fr | Le début est lent et ennuyeux, bref une bonne série | positive",
                "fr | Malgré un scénario raté, les acteurs sont bons | positive",
                "fr | Bien que les acteurs soient excellents, c'est mauvais | negative",
                "fr | Même si la fin est ratée, c'est bon | positive",
                "en | The start is promising but the ending is a mess | negative",
                // elongations, emoticons, emoji and hashtags
                "fr | C'est géniaaaal | positive",
                "fr | nuuuul | negative",
                "fr | Nouvelle mise à jour :( | negative",
                "fr | Colis reçu 😍 | positive",
                "fr | Le site est encore en #panne | negative",
                "fr | Quelle #arnaque | negative",
                "en | soooo good | positive",
                // questions are mostly neutral
                "fr | Est-ce que le nouveau modèle est bon ? | neutral",
                "fr | Quelqu'un sait comment changer la batterie ? | neutral",
                "en | Is the new model any good? | neutral",
                // ironic praise
                "fr | Génial, encore un retard. Merci la SNCF. | negative",
                "fr | Bravo, encore une panne ! | negative",
                "fr | Quel joli recul | negative",
                "fr | Une belle galère | negative",
                "fr | Encore mieux que la saison 1 | positive",
                "fr | Je mets 4 étoiles et c'est encore insuffisant ! Une série tout simplement géniale. | positive",
                // turns of phrase
                "fr | Je m'attendais à mieux | negative",
                "fr | J'ai déjà vu bien mieux | negative",
                "fr | Je n'ai jamais vu mieux | positive",
                "fr | On s'attendait à beaucoup mieux | negative",
                "en | I expected better | negative",
                "en | Honestly expected much better from this brand | negative",
                "fr | Il y a pas mal de bugs | negative",
                "fr | Pas mal du tout | positive",
                "fr | Rien à reprocher | positive",
                "fr | Loin d'être drôle | negative",
                "fr | Un vrai chef-d'œuvre | positive",
                "fr | Ça vaut le coup | positive",
                "fr | Ça ne vaut pas la peine | negative",
                "fr | Peut mieux faire | negative",
                "fr | Passez votre chemin | negative",
                "fr | Vivement la fin | negative",
                "fr | Aucun intérêt | negative",
                "fr | Une étoile, pour les décors | negative",
                "fr | 5 étoiles, je recommande | positive",
                "fr | Vous feriez mieux de lire la notice | neutral",
                "fr | Un plan pour lutter contre la pollution | positive",
                "fr | Réduire le chômage | positive",
                "fr | Les énergies renouvelables en France | neutral",
                "fr | Recyclage et économie circulaire : le programme | neutral",
                "fr | Je suis mort de rire | positive",
                "fr | Une fin à couper le souffle | positive",
                "fr | Le scénario ne tient pas la route | negative",
                "fr | Les acteurs ne sont pas à la hauteur | negative",
                "fr | Rendez-vous à la hauteur de la gare | neutral",
            })
    void readsFrenchTurnsOfPhraseAndTheirEnglishCounterparts(String language, String text, String expected) {
        assertThat(DEFAULT.analyze(text, language).label().id()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{0}] {1} is not negative")
    @CsvSource(
            delimiter = '|',
            value = {
                "fr | je m'attendais à pire",
                "fr | Je m'attendais à pire, franchement.",
                "en | It could have been worse",
            })
    void reliefIsNotNegative(String language, String text) {
        assertThat(DEFAULT.analyze(text, language).label()).isNotEqualTo(SentimentLabel.NEGATIVE);
    }

    @ParameterizedTest(name = "[{0}] {1} stays {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "en | Why is the battery life on this phone so terrible? | negative",
                "en | Is this the best phone ever made?! I love it | positive",
                "fr | Encore une superbe journée | positive",
            })
    void theRulesOnlyTakeBackPraiseWhereItIsNotMeant(String language, String text, String expected) {
        assertThat(DEFAULT.analyze(text, language).label().id()).isEqualTo(expected);
    }
}
