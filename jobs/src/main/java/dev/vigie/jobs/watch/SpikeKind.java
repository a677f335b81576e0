package dev.vigie.jobs.watch;

import java.util.Locale;

/** What a spike alert counts: {@code on: [volume, negative]}. */
public enum SpikeKind {
    /** Every mention of the brand. */
    VOLUME,
    /** The brand's mentions whose sentiment is negative. */
    NEGATIVE;

    /** The word of the watch file. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
