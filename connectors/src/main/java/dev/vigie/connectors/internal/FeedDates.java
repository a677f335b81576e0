package dev.vigie.connectors.internal;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the RFC 822 dates of a feed that Rome would misread into ones it reads right, before parsing: day and
 * month names in French, German, Italian or Spanish ({@code mer., 16 nov. 2022}, {@code Do, 03 Okt 2024}) become
 * English, and zone abbreviations (US {@code EDT}, {@code PST}..., European {@code CEST}, {@code MEZ}...) become
 * numeric offsets. Only the text of date elements is touched; a date already in English with a numeric or UTC zone
 * is left as it is.
 */
public final class FeedDates {
    private static final Pattern DATE_ELEMENT = Pattern.compile(
            "<((?:[\\w.-]+:)?(?:pubDate|lastBuildDate|date|published|updated|issued|modified|created))(\\s[^>]*)?>"
                    + "([^<]{6,100})</\\1\\s*>");
    private static final Pattern RFC822 = Pattern.compile(
            "\\s*(?:([^\\d\\s,.]+)\\.?\\s*,?\\s+)?(\\d{1,2})\\.?\\s+([^\\d\\s,.]+)\\.?\\s+(\\d{2,4})(.*)",
            Pattern.DOTALL);
    private static final Pattern ZONE = Pattern.compile("\\s([A-Za-z]{2,5})\\s*$");
    private static final String[] ENGLISH_MONTHS = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
    };
    private static final java.util.Set<String> ENGLISH_DAYS = java.util.Set.of(
            "mon",
            "tue",
            "wed",
            "thu",
            "fri",
            "sat",
            "sun",
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
            "tues",
            "thur",
            "thurs");
    /** Month names and abbreviations (lower case, accents removed) of English, French, German, Italian, Spanish. */
    private static final Map<String, Integer> MONTHS = new HashMap<>();

    private static final Map<String, String> ZONES = Map.ofEntries(
            Map.entry("EST", "-0500"),
            Map.entry("EDT", "-0400"),
            Map.entry("CST", "-0600"),
            Map.entry("CDT", "-0500"),
            Map.entry("MST", "-0700"),
            Map.entry("MDT", "-0600"),
            Map.entry("PST", "-0800"),
            Map.entry("PDT", "-0700"),
            Map.entry("AKST", "-0900"),
            Map.entry("AKDT", "-0800"),
            Map.entry("HST", "-1000"),
            Map.entry("CET", "+0100"),
            Map.entry("CEST", "+0200"),
            Map.entry("MEZ", "+0100"),
            Map.entry("MESZ", "+0200"),
            Map.entry("WET", "+0000"),
            Map.entry("WEST", "+0100"),
            Map.entry("EET", "+0200"),
            Map.entry("EEST", "+0300"),
            Map.entry("BST", "+0100"));

    static {
        String[][] names = {
            {"jan", "january", "janv", "janvier", "januar", "jaen", "jaenner", "gen", "gennaio", "ene", "enero"},
            {"feb", "february", "fev", "fevr", "fevrier", "februar", "febbraio", "febrero"},
            {"mar", "march", "mars", "maer", "maerz", "mrz", "marz", "marzo"},
            {"apr", "april", "avr", "avril", "aprile", "abr", "abril"},
            {"may", "mai", "mag", "maggio", "mayo"},
            {"jun", "june", "juin", "juni", "giu", "giugno", "junio"},
            {"jul", "july", "juil", "juillet", "juli", "lug", "luglio", "julio"},
            {"aug", "august", "aou", "aout", "ago", "agosto"},
            {"sep", "sept", "september", "septembre", "set", "settembre", "septiembre", "setiembre"},
            {"oct", "october", "octobre", "okt", "oktober", "ott", "ottobre", "octubre"},
            {"nov", "november", "novembre", "noviembre"},
            {"dec", "december", "decembre", "dez", "dezember", "dic", "dicembre", "diciembre"},
        };
        for (int m = 0; m < names.length; m++) {
            for (String n : names[m]) {
                MONTHS.put(n, m);
            }
        }
    }

    private FeedDates() {}

    /** {@code xml} with its misreadable RFC 822 dates rewritten; the same string when there is nothing to do. */
    public static String normalize(String xml) {
        Matcher m = DATE_ELEMENT.matcher(xml);
        StringBuilder sb = null;
        int last = 0;
        while (m.find()) {
            String fixed = rfc822(m.group(3));
            if (fixed == null) {
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(xml.length() + 64);
            }
            sb.append(xml, last, m.start(3)).append(fixed);
            last = m.end(3);
        }
        return sb == null ? xml : sb.append(xml, last, xml.length()).toString();
    }

    /** The date in English with a numeric zone, or {@code null} when it needs no change or is not RFC 822-like. */
    static String rfc822(String value) {
        Matcher m = RFC822.matcher(value);
        if (!m.matches()) {
            return null;
        }
        String day = m.group(1) == null ? null : fold(m.group(1));
        Integer month = MONTHS.get(fold(m.group(3)));
        if (month == null) {
            return null;
        }
        String rest = m.group(5);
        Matcher z = ZONE.matcher(rest);
        String zone = z.find() ? ZONES.get(z.group(1).toUpperCase(Locale.ROOT)) : null;
        boolean english =
                (day == null || ENGLISH_DAYS.contains(day)) && ENGLISH_MONTHS[month].equalsIgnoreCase(m.group(3));
        if (english && zone == null) {
            return null;
        }
        String time = zone == null ? rest : rest.substring(0, z.start()) + " " + zone;
        // the day name is dropped: it is optional in RFC 822 and a translated one adds nothing
        return m.group(2) + " " + ENGLISH_MONTHS[month] + " " + m.group(4) + time;
    }

    private static String fold(String s) {
        String d = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return d.toLowerCase(Locale.ROOT).replace("ä", "ae");
    }
}
