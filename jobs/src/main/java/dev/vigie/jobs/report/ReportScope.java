package dev.vigie.jobs.report;

import dev.vigie.jobs.watch.Competitor;
import dev.vigie.jobs.watch.Language;
import dev.vigie.jobs.watch.ThemeSpec;
import dev.vigie.jobs.watch.Watch;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a report is about and for whom: the part of a watch the report needs. Keeping it small lets the report be
 * produced for a watch file, by the demo, or by tests without a full watch.
 *
 * @param watch       the watch id; every query is filtered on it so nothing of another client leaks in
 * @param brand       the brand's display name, as detected in {@code brands[]}
 * @param competitors competitors' display names, in the watch's order
 * @param themeLabels theme id to the label shown in the report (ids without a label are shown as is)
 * @param locale      the report's language ({@code fr} or {@code en})
 * @param zone        the time zone of the report's days and weeks
 * @param recipients  who receives it by email; may be empty
 */
public record ReportScope(
        String watch,
        String brand,
        List<String> competitors,
        Map<String, String> themeLabels,
        Locale locale,
        ZoneId zone,
        List<String> recipients) {

    private static final Pattern WATCH_ID = Pattern.compile("[a-z0-9-]+");

    /** The languages the report is written in. */
    public static final List<String> LANGUAGES = List.of("fr", "en");

    public ReportScope {
        Objects.requireNonNull(watch, "watch");
        if (!WATCH_ID.matcher(watch).matches()) {
            throw new IllegalArgumentException("watch id must match [a-z0-9-]+: '" + watch + "'");
        }
        if (brand == null || brand.isBlank()) {
            throw new IllegalArgumentException("brand name is blank for watch '" + watch + "'");
        }
        competitors = List.copyOf(competitors);
        for (String c : competitors) {
            if (c.isBlank() || c.equalsIgnoreCase(brand)) {
                throw new IllegalArgumentException("bad competitor name '" + c + "' for brand '" + brand + "'");
            }
        }
        themeLabels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(themeLabels));
        Objects.requireNonNull(locale, "locale");
        if (!LANGUAGES.contains(locale.getLanguage())) {
            throw new IllegalArgumentException("report language must be one of " + LANGUAGES + ": '" + locale + "'");
        }
        Objects.requireNonNull(zone, "zone");
        recipients = List.copyOf(recipients);
    }

    /**
     * The scope of a watch's report: its brand and competitors, theme labels, the report's language (the watch's
     * when {@code report.weekly} does not set one), time zone and recipients (none without {@code report.weekly}).
     */
    public static ReportScope of(Watch watch) {
        Objects.requireNonNull(watch, "watch");
        Map<String, String> labels = new LinkedHashMap<>();
        for (ThemeSpec theme : watch.themes()) {
            labels.put(theme.id(), theme.label());
        }
        Language language = watch.report().map(r -> r.language()).orElse(watch.language());
        return new ReportScope(
                watch.id(),
                watch.brand().name(),
                watch.competitors().stream().map(Competitor::name).toList(),
                labels,
                localeOf(language.code()),
                watch.timezone(),
                watch.report().map(r -> r.to()).orElse(List.of()));
    }

    /** Brand first, then competitors: the order of every per-brand section. */
    public List<String> allBrands() {
        List<String> all = new ArrayList<>(competitors.size() + 1);
        all.add(brand);
        all.addAll(competitors);
        return all;
    }

    /** The locale of a language code of the watch file ({@code fr} formats as France, {@code en} as the UK). */
    public static Locale localeOf(String language) {
        Objects.requireNonNull(language, "language");
        return switch (language.toLowerCase(Locale.ROOT)) {
            case "fr" -> Locale.FRANCE;
            case "en" -> Locale.UK;
            default ->
                throw new IllegalArgumentException(
                        "report language must be one of " + LANGUAGES + ": '" + language + "'");
        };
    }
}
