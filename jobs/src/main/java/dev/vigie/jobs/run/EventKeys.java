package dev.vigie.jobs.run;

import dev.vigie.jobs.watch.Watch;
import dev.vigie.nlp.event.EventSignals;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link EventSignals} keys of a mention, without its watch's own brand (named by nearly every mention, it says
 * nothing of which event one reports). Serializable: it carries the brand names; the signals (Lucene analyzers) are
 * made on first use in each task.
 */
final class EventKeys implements Serializable {

    private static final long serialVersionUID = 1L;

    private final HashMap<String, ArrayList<String>> brandNames = new HashMap<>();
    private transient Map<String, EventSignals> signals;

    EventKeys(List<Watch> watches) {
        for (Watch w : watches) {
            brandNames.put(w.id(), new ArrayList<>(w.brand().names()));
        }
    }

    /** The keys of a mention, at most {@link EventSignals#MAX_KEYS}. */
    List<String> of(EnrichedMention mention) {
        if (signals == null) {
            signals = new HashMap<>();
        }
        EventSignals s = signals.computeIfAbsent(
                mention.watch(), w -> new EventSignals(brandNames.getOrDefault(w, new ArrayList<>())));
        return s.keys(mention.mention().title(), mention.mention().text(), mention.lang());
    }

    /** A short title for a mention: its title, else the first words of its text. */
    static String titleOf(EnrichedMention mention) {
        String title = mention.mention().title();
        if (title != null && !title.isBlank()) {
            return title.strip();
        }
        String text =
                mention.mention().text() == null ? "" : mention.mention().text().strip();
        return text.length() <= 140 ? text : text.substring(0, 140) + "…";
    }
}
