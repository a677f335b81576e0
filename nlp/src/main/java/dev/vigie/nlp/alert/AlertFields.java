package dev.vigie.nlp.alert;

import java.util.List;

/**
 * Names of the fields an alert query can restrict to ({@code title:acme}). A term without a field searches
 * {@link #CONTENT}: the title and the text of the document.
 */
public final class AlertFields {

    /** Title and text together (the default field). */
    public static final String CONTENT = "content";
    /** The title only. */
    public static final String TITLE = "title";
    /** The text (body) only. */
    public static final String TEXT = "text";
    /** Author name and handle. */
    public static final String AUTHOR = "author";
    /** Host of the document's URL; {@code site:acme.com} also matches {@code news.acme.com}. */
    public static final String SITE = "site";
    /** Detected language code ({@code lang:fr}). */
    public static final String LANG = "lang";
    /** Internal: the watch a document belongs to, used to keep each watch's rules apart. */
    static final String WATCH = "watch";

    /** Fields an analyst may name in a query, in the order error messages list them. */
    public static final List<String> QUERYABLE = List.of(TITLE, TEXT, AUTHOR, SITE, LANG);

    private AlertFields() {}
}
