package dev.vigie.jobs.report.internal;

import java.text.MessageFormat;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.TreeMap;

/**
 * The report's texts in one language, from {@code report/messages_<lang>.properties}. Missing keys fail loudly: a
 * report sent to a client with a raw key in it would be worse than no report.
 */
public final class ReportTexts {

    private final ResourceBundle bundle;
    private final Locale locale;

    public ReportTexts(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(
                "report.messages",
                locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        if (!bundle.getLocale().getLanguage().equals(locale.getLanguage())) {
            throw new IllegalArgumentException("no report texts for language '" + locale.getLanguage() + "'");
        }
    }

    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("report text '" + key + "' missing for " + locale, e);
        }
    }

    /** The text of {@code key} with its {@code {0}} placeholders filled in (arguments already formatted). */
    public String format(String key, Object... args) {
        return new MessageFormat(get(key).replace("'", "''"), locale).format(args);
    }

    /** All texts, for the template. */
    public Map<String, String> all() {
        Map<String, String> all = new TreeMap<>();
        for (String key : bundle.keySet()) {
            all.put(key, bundle.getString(key));
        }
        return Collections.unmodifiableMap(all);
    }
}
