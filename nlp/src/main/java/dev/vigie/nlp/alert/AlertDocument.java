package dev.vigie.nlp.alert;

import java.io.Serializable;

/**
 * What alert matching sees of a mention or article. Only {@code watch} and {@code id} are required; absent parts
 * are {@code null}.
 *
 * @param watch the watch the document was collected for: it is matched against that watch's rules only
 * @param id the document id (reported back with the matches)
 * @param title title, or null
 * @param text body text, or null
 * @param author author name and/or handle, or null ({@code author:} queries)
 * @param url URL or host of the document, or null ({@code site:} queries)
 * @param language detected language code, or null/"unknown" (rule language filters, {@code lang:} queries)
 * @param sentiment sentiment label (positive, neutral, negative) from the sentiment component, or null; a rule with
 *     a sentiment filter never matches a document without sentiment
 */
public record AlertDocument(
        String watch,
        String id,
        String title,
        String text,
        String author,
        String url,
        String language,
        String sentiment)
        implements Serializable {

    /** Requires watch and id. */
    public AlertDocument {
        if (watch == null || watch.isBlank()) {
            throw new IllegalArgumentException("alert document must name its watch (id " + id + ")");
        }
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("alert document of watch " + watch + " must have an id");
        }
    }

    /** Starts a document of a watch; set the parts it has. */
    public static Builder builder(String watch, String id) {
        return new Builder(watch, id);
    }

    /** Builder for {@link AlertDocument}; every part is optional except watch and id. */
    public static final class Builder {
        private final String watch;
        private final String id;
        private String title;
        private String text;
        private String author;
        private String url;
        private String language;
        private String sentiment;

        private Builder(String watch, String id) {
            this.watch = watch;
            this.id = id;
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder text(String text) {
            this.text = text;
            return this;
        }

        public Builder author(String author) {
            this.author = author;
            return this;
        }

        public Builder url(String url) {
            this.url = url;
            return this;
        }

        public Builder language(String language) {
            this.language = language;
            return this;
        }

        public Builder sentiment(String sentiment) {
            this.sentiment = sentiment;
            return this;
        }

        /** Builds the document; fails like the record constructor. */
        public AlertDocument build() {
            return new AlertDocument(watch, id, title, text, author, url, language, sentiment);
        }
    }
}
