package dev.vigie.jobs.spike;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.vigie.jobs.watch.SpikeKind;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A spike as its alert tells it: the numbers, and what caused it. It is kept in the ledger entry of the alert
 * ({@code vigie-alerts}, field {@code spike}) until it is sent: an alert that waits for the SMTP server to come back
 * says what the spike was when it was found.
 *
 * @param kind          what was counted
 * @param start         the spike's start hour (with the rule and the kind, its identity)
 * @param windowStart   the first hour counted
 * @param windowEnd     when it was found (the run's time)
 * @param count         mentions counted in the window
 * @param baseline      the usual level of the window
 * @param baselineWeeks earlier weeks averaged for the usual level; 0 when it is the watch's mean rate
 * @param factor        the rule's factor
 * @param stories       the window's top event stories, most mentions first
 * @param authors       the window's top authors
 * @param outlets       the window's top outlets
 * @param samples       mentions of the window, most relevant first
 */
public record SpikeReport(
        SpikeKind kind,
        Instant start,
        Instant windowStart,
        Instant windowEnd,
        long count,
        double baseline,
        int baselineWeeks,
        double factor,
        List<Story> stories,
        List<Count> authors,
        List<Count> outlets,
        List<Sample> samples)
        implements Serializable {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public SpikeReport {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(windowStart, "windowStart");
        Objects.requireNonNull(windowEnd, "windowEnd");
        stories = stories == null ? List.of() : List.copyOf(stories);
        authors = authors == null ? List.of() : List.copyOf(authors);
        outlets = outlets == null ? List.of() : List.copyOf(outlets);
        samples = samples == null ? List.of() : List.copyOf(samples);
    }

    /**
     * An event story of the window.
     *
     * @param eventId  its {@code event.id}
     * @param title    its representative title: the earliest mention in the watch's language, else the earliest
     * @param url      the link of that mention
     * @param mentions its mentions in the window
     * @param outlets  the outlets that carried it in the window, most mentions first
     */
    public record Story(String eventId, String title, String url, long mentions, List<String> outlets)
            implements Serializable {
        public Story {
            eventId = Objects.requireNonNullElse(eventId, "");
            title = Objects.requireNonNullElse(title, "");
            url = Objects.requireNonNullElse(url, "");
            outlets = outlets == null ? List.of() : List.copyOf(outlets);
        }
    }

    /** A name (an author, an outlet) and its mentions in the window. */
    public record Count(String name, long mentions) implements Serializable {
        public Count {
            name = Objects.requireNonNullElse(name, "");
        }
    }

    /** A mention of the window, with its link. */
    public record Sample(String title, String url, String source, String author, Instant publishedAt, String sentiment)
            implements Serializable {
        public Sample {
            title = Objects.requireNonNullElse(title, "");
            url = Objects.requireNonNullElse(url, "");
            source = Objects.requireNonNullElse(source, "");
            author = Objects.requireNonNullElse(author, "");
            sentiment = Objects.requireNonNullElse(sentiment, "");
        }
    }

    /** How many times the usual level the count is; infinite when the usual level is 0. */
    public double ratio() {
        return baseline <= 0 ? Double.POSITIVE_INFINITY : count / baseline;
    }

    /** The report as a JSON object, for the ledger. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> toMap() {
        return JSON.convertValue(this, Map.class);
    }

    /** The report as JSON text (the run job's serializer of alert hits). */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a spike report is plain data", e);
        }
    }

    /** The report a {@link #toJson()} gave. */
    public static SpikeReport fromJson(String json) {
        try {
            return JSON.readValue(json, SpikeReport.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not a spike report: " + e.getOriginalMessage(), e);
        }
    }

    /** The report a {@link #toMap()} gave. */
    public static SpikeReport fromMap(Map<String, Object> map) {
        return JSON.convertValue(map, SpikeReport.class);
    }
}
