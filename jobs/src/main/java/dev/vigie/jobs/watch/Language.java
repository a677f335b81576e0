package dev.vigie.jobs.watch;

import java.util.Locale;

/** The languages Vigie writes its emails and reports in. */
public enum Language {
    FR,
    EN;

    /** The ISO 639-1 code as written in the watch file ({@code fr}, {@code en}). */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Locale locale() {
        return Locale.forLanguageTag(code());
    }
}
