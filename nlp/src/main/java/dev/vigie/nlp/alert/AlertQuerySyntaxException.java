package dev.vigie.nlp.alert;

/**
 * An alert query that cannot be understood, with the 1-based column where the problem is and the reason in words an
 * analyst understands ({@code column 14: unclosed quote}).
 */
public final class AlertQuerySyntaxException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String query;
    private final int column;
    private final String reason;

    /**
     * @param query the query as written
     * @param column 1-based column of the offending character
     * @param reason what is wrong and, where possible, how to write it
     */
    public AlertQuerySyntaxException(String query, int column, String reason) {
        super("column " + column + ": " + reason + " in query '" + query + "'");
        this.query = query;
        this.column = column;
        this.reason = reason;
    }

    /** The query as written. */
    public String query() {
        return query;
    }

    /** 1-based column of the offending character. */
    public int column() {
        return column;
    }

    /** What is wrong, without the position. */
    public String reason() {
        return reason;
    }
}
