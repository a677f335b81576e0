package dev.vigie.nlp.enrich;

/**
 * What the enrichment chain reads of one collected item. Only {@code id} is required; absent parts are null.
 *
 * @param id           the document id (reported back, and with alert matches)
 * @param title        title, or null (posts have none)
 * @param text         plain body text, or null
 * @param author       author name or handle, or null ({@code author:} alert queries)
 * @param url          the item's URL, or null ({@code site:} alert queries)
 * @param languageHint the language the source declares ({@code fr}, {@code en-US}), or null
 */
public record EnrichmentInput(String id, String title, String text, String author, String url, String languageHint) {

    public EnrichmentInput {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("enrichment input needs a document id: '" + id + "'");
        }
    }

    /** A post with only an id and a text. */
    public static EnrichmentInput ofText(String id, String text) {
        return new EnrichmentInput(id, null, text, null, null, null);
    }

    /** Title and text joined by a line break (the text the models read), empty when both are absent. */
    public String fullText() {
        boolean hasTitle = title != null && !title.isBlank();
        boolean hasText = text != null && !text.isBlank();
        if (hasTitle && hasText) {
            return title.strip() + "\n" + text.strip();
        }
        return hasTitle ? title.strip() : hasText ? text.strip() : "";
    }
}
