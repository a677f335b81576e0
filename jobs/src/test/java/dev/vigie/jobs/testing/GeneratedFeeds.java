package dev.vigie.jobs.testing;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;

/**
 * RSS 2.0 feeds of realistic items (a title, two to five sentences about a brand, its competitors and their
 * products, in English or French, with a date), generated from a seed so that every run serves the same bytes.
 */
public final class GeneratedFeeds {

    private static final String[] SUBJECTS_EN = {
        "Acme", "Globex", "Initech", "Acme Corp", "The Acme cloud", "Globex's new plan", "Customers of Acme", "Analysts"
    };
    private static final String[] VERBS_EN = {
        "announced", "criticised", "praised", "launched", "delayed", "reported", "compared", "questioned"
    };
    private static final String[] OBJECTS_EN = {
        "a new pricing plan for small businesses",
        "an outage that lasted three hours",
        "the quality of its customer support",
        "a partnership with a European bank",
        "record quarterly revenue",
        "a security update for every customer",
        "the end of its free tier",
        "faster delivery in Lyon and Paris"
    };
    private static final String[] SUBJECTS_FR = {
        "Acme", "Globex", "Les clients d'Acme", "La direction de Globex", "Le service client d'Acme", "Les analystes"
    };
    private static final String[] VERBS_FR = {"annonce", "critique", "salue", "lance", "reporte", "compare"};
    private static final String[] OBJECTS_FR = {
        "une nouvelle offre pour les PME",
        "une panne de trois heures",
        "la qualité du support",
        "un partenariat avec une banque européenne",
        "des résultats record",
        "la fin de l'offre gratuite",
        "des livraisons plus rapides à Lyon"
    };
    private static final String[] PLACES = {
        "Lyon",
        "Paris",
        "Lille",
        "Nantes",
        "Bordeaux",
        "Geneva",
        "Brussels",
        "London",
        "Montreal",
        "Berlin",
        "Madrid",
        "Milan",
        "Toulouse",
        "Rennes",
        "Marseille",
        "Strasbourg"
    };
    private static final String[] PEOPLE = {
        "Claire Martin",
        "Tom Baker",
        "Ines Duval",
        "Marc Leroy",
        "Sofia Rossi",
        "John Smith",
        "Anna Keller",
        "Paul Girard",
        "Lea Moreau",
        "Hugo Blanc",
        "Emma Weber",
        "Nina Costa"
    };
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private GeneratedFeeds() {}

    /** A feed of {@code items} items whose links live under {@code base}/{@code name}/. */
    public static String rss(String base, String name, int items, long seed) {
        Random random = new Random(seed);
        StringBuilder xml = new StringBuilder(items * 600);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>")
                .append(name)
                .append("</title><link>")
                .append(base)
                .append('/')
                .append(name)
                .append("</link><description>Generated news</description>\n");
        Instant start = Instant.parse("2026-11-01T00:00:00Z");
        for (int i = 0; i < items; i++) {
            boolean french = random.nextInt(3) == 0;
            String title = sentence(random, french);
            StringBuilder text = new StringBuilder();
            int sentences = 2 + random.nextInt(4);
            for (int s = 0; s < sentences; s++) {
                text.append(sentence(random, french)).append(' ');
            }
            String link = base + "/" + name + "/item-" + i;
            xml.append("<item><title>")
                    .append(title)
                    .append("</title><link>")
                    .append(link)
                    .append("</link><guid>")
                    .append(link)
                    .append("</guid><pubDate>")
                    .append(RFC_1123.format(start.plusSeconds(seed % 1000 * 60 + i * 97L)))
                    .append("</pubDate><description>")
                    .append(text.toString().strip())
                    .append("</description></item>\n");
        }
        return xml.append("</channel></rss>\n").toString();
    }

    private static String sentence(Random random, boolean french) {
        // Places, figures and a name in every sentence: real items rarely repeat each other word for word.
        String place = pick(random, PLACES);
        int figure = 2 + random.nextInt(998);
        String person = pick(random, PEOPLE);
        return french
                ? pick(random, SUBJECTS_FR) + " " + pick(random, VERBS_FR) + " " + pick(random, OBJECTS_FR) + " à "
                        + place + ", selon " + person + " (" + figure + " clients concernés)."
                : pick(random, SUBJECTS_EN) + " " + pick(random, VERBS_EN) + " " + pick(random, OBJECTS_EN) + " in "
                        + place + ", " + person + " said, citing " + figure + " customers.";
    }

    private static String pick(Random random, String[] words) {
        return words[random.nextInt(words.length)];
    }
}
