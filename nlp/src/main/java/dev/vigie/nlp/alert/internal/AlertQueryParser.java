package dev.vigie.nlp.alert.internal;

import dev.vigie.nlp.alert.AlertFields;
import dev.vigie.nlp.alert.AlertQuerySyntaxException;
import dev.vigie.nlp.text.SocialAnalyzer;
import dev.vigie.nlp.text.TextNormalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.spans.SpanMultiTermQueryWrapper;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanOrQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;

/**
 * Parses the analyst query language into a Lucene query over the fields of {@link AlertFields}.
 *
 * <p>Grammar, loosest binding first: {@code OR}; {@code AND} (also implicit between adjacent terms); {@code NOT x}
 * and {@code -x}; {@code x NEAR/n y} ({@code NEAR/nf}: in order); then a term, a quoted phrase (with {@code ~n}
 * slop), a parenthesised group, or {@code field:} followed by any of these. Operators are upper case only, because
 * {@code or} and {@code et} are ordinary French words. Every refusal is an {@link AlertQuerySyntaxException} with the
 * column of the offending character.
 *
 * <p>Thread-safe: it holds only an immutable analyzer configuration; each call parses independently.
 */
public final class AlertQueryParser {

    /** Largest proximity accepted in {@code NEAR/n} and {@code "..."~n}. */
    public static final int MAX_DISTANCE = 100;
    /** Letters required before the first wildcard: {@code ac*} would select half the vocabulary. */
    public static final int MIN_WILDCARD_PREFIX = 3;

    private static final SocialAnalyzer QUERY_ANALYZER = new SocialAnalyzer(SocialAnalyzer.Mode.QUERY);

    /**
     * Parses and translates a query.
     *
     * @param query the query as written by the analyst
     * @return the Lucene query
     * @throws AlertQuerySyntaxException with column and reason when the query is malformed
     */
    public Query parse(String query) {
        if (query == null) {
            throw new IllegalArgumentException("alert query must not be null");
        }
        List<Lexeme> lexemes = new Lexer(query).lex();
        Parser parser = new Parser(query, lexemes);
        Node root = parser.parseQuery();
        return new Translator(query).toQuery(root);
    }

    // ---------------------------------------------------------------- lexer

    private enum Kind {
        LPAREN,
        RPAREN,
        AND,
        OR,
        NOT,
        MINUS,
        NEAR,
        FIELD,
        PHRASE,
        TERM,
        EOF
    }

    /** A lexical unit: kind, text, 1-based column; {@code number} is the slop or distance, {@code flag} NEAR order. */
    private record Lexeme(Kind kind, String text, int column, int number, boolean flag) {}

    private static final class Lexer {
        private final String q;
        private int i;

        Lexer(String q) {
            this.q = q;
        }

        List<Lexeme> lex() {
            List<Lexeme> out = new ArrayList<>();
            int n = q.length();
            while (true) {
                while (i < n && Character.isWhitespace(q.charAt(i))) {
                    i++;
                }
                if (i >= n) {
                    out.add(new Lexeme(Kind.EOF, "", n + 1, 0, false));
                    return out;
                }
                char c = q.charAt(i);
                int col = i + 1;
                if (c == '(') {
                    out.add(new Lexeme(Kind.LPAREN, "(", col, 0, false));
                    i++;
                } else if (c == ')') {
                    out.add(new Lexeme(Kind.RPAREN, ")", col, 0, false));
                    i++;
                } else if (c == '"' || c == '\u201c' || c == '\u201d' || c == '\u00ab') {
                    out.add(phrase(col));
                } else if (c == '-'
                        && i + 1 < n
                        && !Character.isWhitespace(q.charAt(i + 1))
                        && q.charAt(i + 1) != ')') {
                    out.add(new Lexeme(Kind.MINUS, "-", col, 0, false));
                    i++;
                } else {
                    out.add(word(col));
                }
            }
        }

        private Lexeme phrase(int col) {
            char open = q.charAt(i);
            char close = open == '\u00ab' ? '\u00bb' : open == '"' ? '"' : '\u201d';
            int end = -1;
            for (int k = i + 1; k < q.length(); k++) {
                char c = q.charAt(k);
                if (c == close || c == '"' || (close == '\u201d' && c == '\u201c')) {
                    end = k;
                    break;
                }
            }
            if (end < 0) {
                throw new AlertQuerySyntaxException(q, col, "unclosed quote: add the closing \" after the phrase");
            }
            String text = q.substring(i + 1, end);
            i = end + 1;
            int slop = 0;
            if (i < q.length() && q.charAt(i) == '~') {
                int numStart = i + 1;
                int k = numStart;
                while (k < q.length() && Character.isDigit(q.charAt(k))) {
                    k++;
                }
                if (k == numStart) {
                    throw new AlertQuerySyntaxException(
                            q, i + 1, "'~' after a phrase needs a number of words, e.g. \"a b\"~5");
                }
                slop = distance(q.substring(numStart, k), i + 1);
                i = k;
            }
            if (text.isBlank()) {
                throw new AlertQuerySyntaxException(q, col, "empty phrase");
            }
            return new Lexeme(Kind.PHRASE, text, col, slop, false);
        }

        private Lexeme word(int col) {
            int start = i;
            int n = q.length();
            while (i < n) {
                char c = q.charAt(i);
                if (Character.isWhitespace(c) || c == '(' || c == ')' || c == '"') {
                    break;
                }
                if (c == ':' && i > start && isFieldName(q.substring(start, i))) {
                    String name = q.substring(start, i);
                    String lower = name.toLowerCase(Locale.ROOT);
                    if (!AlertFields.QUERYABLE.contains(lower)) {
                        throw new AlertQuerySyntaxException(
                                q,
                                col,
                                "unknown field '" + name + "' (fields: " + String.join(", ", AlertFields.QUERYABLE)
                                        + ")");
                    }
                    i++;
                    if (i >= n || Character.isWhitespace(q.charAt(i)) || q.charAt(i) == ')') {
                        throw new AlertQuerySyntaxException(
                                q, col, "'" + name + ":' needs a term right after the colon");
                    }
                    return new Lexeme(Kind.FIELD, lower, col, 0, false);
                }
                i++;
            }
            String w = q.substring(start, i);
            switch (w) {
                case "AND":
                case "&&":
                    return new Lexeme(Kind.AND, w, col, 0, false);
                case "OR":
                case "||":
                case "|":
                    return new Lexeme(Kind.OR, w, col, 0, false);
                case "NOT":
                    return new Lexeme(Kind.NOT, w, col, 0, false);
                default:
                    break;
            }
            if (w.equals("NEAR") || w.startsWith("NEAR/")) {
                String rest = w.length() > 5 ? w.substring(5) : "";
                boolean ordered = rest.endsWith("f");
                String digits = ordered ? rest.substring(0, rest.length() - 1) : rest;
                if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit)) {
                    throw new AlertQuerySyntaxException(
                            q, col, "NEAR needs a distance in words, e.g. NEAR/5 (or NEAR/5f for in order)");
                }
                return new Lexeme(Kind.NEAR, w, col, distance(digits, col), ordered);
            }
            if (w.startsWith("+") && w.length() > 1) {
                return new Lexeme(Kind.TERM, w.substring(1), col + 1, 0, false);
            }
            if (w.indexOf('~') >= 0) {
                throw new AlertQuerySyntaxException(
                        q,
                        col + w.indexOf('~'),
                        "'~' only follows a quoted phrase, e.g. \"a b\"~5; for words use a NEAR/5 b");
            }
            return new Lexeme(Kind.TERM, w, col, 0, false);
        }

        private int distance(String digits, int col) {
            int d;
            try {
                d = Integer.parseInt(digits);
            } catch (NumberFormatException e) {
                d = Integer.MAX_VALUE;
            }
            if (d > MAX_DISTANCE) {
                throw new AlertQuerySyntaxException(
                        q, col, "distance " + digits + " is too large (at most " + MAX_DISTANCE + ")");
            }
            return d;
        }

        private static boolean isFieldName(String s) {
            for (int k = 0; k < s.length(); k++) {
                if (!Character.isLetter(s.charAt(k))) {
                    return false;
                }
            }
            return true;
        }
    }

    // ---------------------------------------------------------------- syntax tree

    private sealed interface Node permits TermNode, PhraseNode, AndNode, OrNode, NotNode, NearNode {
        int column();
    }

    private record TermNode(String field, String text, int column) implements Node {}

    private record PhraseNode(String field, String text, int slop, int column) implements Node {}

    private record AndNode(List<Node> children, int column) implements Node {}

    private record OrNode(List<Node> children, int column) implements Node {}

    private record NotNode(Node child, int column) implements Node {}

    private record NearNode(Node left, Node right, int distance, boolean ordered, int column) implements Node {}

    // ---------------------------------------------------------------- parser

    private static final class Parser {
        private final String q;
        private final List<Lexeme> lx;
        private int p;

        Parser(String q, List<Lexeme> lx) {
            this.q = q;
            this.lx = lx;
        }

        Node parseQuery() {
            if (peek().kind() == Kind.EOF) {
                throw new AlertQuerySyntaxException(q, 1, "empty query");
            }
            Node n = parseOr(null);
            Lexeme l = peek();
            if (l.kind() == Kind.RPAREN) {
                throw new AlertQuerySyntaxException(q, l.column(), "')' without a matching '('");
            }
            if (l.kind() != Kind.EOF) {
                throw new AlertQuerySyntaxException(q, l.column(), "unexpected '" + l.text() + "'");
            }
            return n;
        }

        private Lexeme peek() {
            return lx.get(p);
        }

        private Lexeme next() {
            return lx.get(p++);
        }

        private Node parseOr(String field) {
            List<Node> parts = new ArrayList<>();
            parts.add(parseAnd(field));
            while (peek().kind() == Kind.OR) {
                Lexeme or = next();
                if (!startsOperand(peek().kind())) {
                    throw new AlertQuerySyntaxException(q, or.column(), "'" + or.text() + "' needs a term after it");
                }
                parts.add(parseAnd(field));
            }
            return parts.size() == 1
                    ? parts.get(0)
                    : new OrNode(List.copyOf(parts), parts.get(0).column());
        }

        private Node parseAnd(String field) {
            List<Node> parts = new ArrayList<>();
            parts.add(parseUnary(field));
            while (true) {
                Kind k = peek().kind();
                if (k == Kind.AND) {
                    Lexeme and = next();
                    if (!startsOperand(peek().kind())) {
                        throw new AlertQuerySyntaxException(
                                q, and.column(), "'" + and.text() + "' needs a term after it");
                    }
                    parts.add(parseUnary(field));
                } else if (startsOperand(k)) {
                    parts.add(parseUnary(field));
                } else {
                    break;
                }
            }
            return parts.size() == 1
                    ? parts.get(0)
                    : new AndNode(List.copyOf(parts), parts.get(0).column());
        }

        private Node parseUnary(String field) {
            Lexeme l = peek();
            if (l.kind() == Kind.NOT || l.kind() == Kind.MINUS) {
                next();
                if (!startsOperand(peek().kind()) || peek().kind() == Kind.NOT || peek().kind() == Kind.MINUS) {
                    throw new AlertQuerySyntaxException(
                            q, l.column(), "'" + l.text() + "' needs a term to exclude after it");
                }
                return new NotNode(parseNear(field), l.column());
            }
            return parseNear(field);
        }

        private Node parseNear(String field) {
            Node left = parsePrimary(field);
            while (peek().kind() == Kind.NEAR) {
                Lexeme near = next();
                Kind k = peek().kind();
                if (!(k == Kind.TERM || k == Kind.PHRASE || k == Kind.LPAREN || k == Kind.FIELD)) {
                    throw new AlertQuerySyntaxException(
                            q, near.column(), "'" + near.text() + "' needs a term after it");
                }
                Node right = parsePrimary(field);
                left = new NearNode(left, right, near.number(), near.flag(), near.column());
            }
            return left;
        }

        private Node parsePrimary(String field) {
            Lexeme l = next();
            switch (l.kind()) {
                case TERM:
                    return new TermNode(field, l.text(), l.column());
                case PHRASE:
                    return new PhraseNode(field, l.text(), l.number(), l.column());
                case FIELD:
                    if (field != null && !field.equals(l.text())) {
                        throw new AlertQuerySyntaxException(
                                q,
                                l.column(),
                                "field '" + l.text() + ":' inside '" + field + ":' restricts to nothing");
                    }
                    return parsePrimary(l.text());
                case LPAREN: {
                    if (peek().kind() == Kind.RPAREN) {
                        throw new AlertQuerySyntaxException(q, l.column(), "empty parentheses");
                    }
                    Node inner = parseOr(field);
                    Lexeme close = next();
                    if (close.kind() != Kind.RPAREN) {
                        if (close.kind() == Kind.EOF) {
                            throw new AlertQuerySyntaxException(q, l.column(), "'(' is never closed");
                        }
                        throw new AlertQuerySyntaxException(q, close.column(), "unexpected '" + close.text() + "'");
                    }
                    return inner;
                }
                case RPAREN:
                    throw new AlertQuerySyntaxException(q, l.column(), "')' without a matching '('");
                case EOF:
                    throw new AlertQuerySyntaxException(q, l.column(), "query ends where a term was expected");
                default:
                    throw new AlertQuerySyntaxException(q, l.column(), "'" + l.text() + "' needs a term before it");
            }
        }

        private static boolean startsOperand(Kind k) {
            return k == Kind.TERM
                    || k == Kind.PHRASE
                    || k == Kind.LPAREN
                    || k == Kind.FIELD
                    || k == Kind.NOT
                    || k == Kind.MINUS;
        }
    }

    // ---------------------------------------------------------------- translation

    private static final class Translator {
        private final String q;

        Translator(String q) {
            this.q = q;
        }

        Query toQuery(Node node) {
            if (node instanceof NotNode not) {
                throw new AlertQuerySyntaxException(
                        q,
                        not.column(),
                        "a query needs at least one word that is not excluded (write 'acme -job', not '-job')");
            }
            return translate(node);
        }

        private Query translate(Node node) {
            if (node instanceof TermNode t) {
                return term(t);
            }
            if (node instanceof PhraseNode ph) {
                return phrase(ph);
            }
            if (node instanceof AndNode and) {
                BooleanQuery.Builder b = new BooleanQuery.Builder();
                boolean positive = false;
                for (Node child : and.children()) {
                    if (child instanceof NotNode not) {
                        b.add(translate(not.child()), BooleanClause.Occur.MUST_NOT);
                    } else {
                        b.add(translate(child), BooleanClause.Occur.MUST);
                        positive = true;
                    }
                }
                if (!positive) {
                    throw new AlertQuerySyntaxException(
                            q, and.column(), "every group needs at least one word that is not excluded");
                }
                return b.build();
            }
            if (node instanceof OrNode or) {
                BooleanQuery.Builder b = new BooleanQuery.Builder();
                for (Node child : or.children()) {
                    if (child instanceof NotNode not) {
                        throw new AlertQuerySyntaxException(
                                q,
                                not.column(),
                                "an excluded term cannot be an alternative of OR; combine it with AND: '(a OR b) -c'");
                    }
                    b.add(translate(child), BooleanClause.Occur.SHOULD);
                }
                return b.build();
            }
            if (node instanceof NearNode near) {
                return span(near, fieldOf(near));
            }
            NotNode not = (NotNode) node;
            throw new AlertQuerySyntaxException(
                    q, not.column(), "an excluded term must be combined with a word to search, e.g. 'acme -job'");
        }

        private static String field(String f) {
            return f == null ? AlertFields.CONTENT : f;
        }

        private Query term(TermNode t) {
            String field = field(t.field());
            if (field.equals(AlertFields.SITE) || field.equals(AlertFields.LANG)) {
                return new TermQuery(new Term(field, keyword(t)));
            }
            if (hasWildcard(t.text())) {
                return new WildcardQuery(new Term(field, wildcardPattern(t.text(), t.column())));
            }
            List<String> terms = QUERY_ANALYZER.terms(t.text());
            if (terms.isEmpty()) {
                throw new AlertQuerySyntaxException(q, t.column(), "'" + t.text() + "' contains no word to search");
            }
            if (terms.size() == 1) {
                return new TermQuery(new Term(field, terms.get(0)));
            }
            return new PhraseQuery(field, terms.toArray(new String[0]));
        }

        private Query phrase(PhraseNode ph) {
            String field = field(ph.field());
            if (field.equals(AlertFields.SITE) || field.equals(AlertFields.LANG)) {
                throw new AlertQuerySyntaxException(
                        q, ph.column(), "'" + field + ":' takes a single value, not a phrase");
            }
            if (hasWildcard(ph.text())) {
                throw new AlertQuerySyntaxException(
                        q,
                        ph.column() + 1 + firstWildcard(ph.text()),
                        "wildcards are not supported inside quotes; use NEAR, e.g. acme NEAR/1 outag*");
            }
            List<String> terms = QUERY_ANALYZER.terms(ph.text());
            if (terms.isEmpty()) {
                throw new AlertQuerySyntaxException(
                        q, ph.column(), "phrase \"" + ph.text() + "\" contains no word to search");
            }
            if (terms.size() == 1) {
                return new TermQuery(new Term(field, terms.get(0)));
            }
            return new PhraseQuery(ph.slop(), field, terms.toArray(new String[0]));
        }

        private String keyword(TermNode t) {
            if (hasWildcard(t.text())) {
                throw new AlertQuerySyntaxException(
                        q, t.column(), "wildcards are not supported in '" + t.field() + ":'");
            }
            String v = t.text().toLowerCase(Locale.ROOT);
            if (t.field().equals(AlertFields.SITE)) {
                return SiteNames.normalizeHost(v);
            }
            return v;
        }

        private String wildcardPattern(String text, int column) {
            int first = firstWildcard(text);
            String literal = text.substring(0, first);
            String folded = TextNormalizer.fold(literal);
            int letters = 0;
            for (int k = 0; k < folded.length(); k++) {
                if (Character.isLetterOrDigit(folded.charAt(k))) {
                    letters++;
                }
            }
            if (first == 0) {
                throw new AlertQuerySyntaxException(q, column, "a wildcard cannot start a word ('" + text + "')");
            }
            if (letters < MIN_WILDCARD_PREFIX) {
                throw new AlertQuerySyntaxException(
                        q,
                        column + first,
                        "at least " + MIN_WILDCARD_PREFIX + " letters are needed before a wildcard ('" + text + "')");
            }
            for (int k = 0; k < folded.length(); k++) {
                char c = folded.charAt(k);
                if (!(Character.isLetterOrDigit(c) || (k == 0 && (c == '#' || c == '@')))) {
                    throw new AlertQuerySyntaxException(
                            q, column + k, "a wildcard applies to one word; '" + text + "' contains '" + c + "'");
                }
            }
            // Documents are indexed stemmed: match the stem of the written prefix, so outage* finds "outages" (stem
            // "outag") and companies* finds "company".
            String stemmed = TextNormalizer.stem(folded);
            String prefix = folded.startsWith(stemmed) ? stemmed : folded;
            return prefix + TextNormalizer.fold(text.substring(first));
        }

        private NearNodeField fieldOf(NearNode near) {
            return new NearNodeField(field(spanField(near)));
        }

        private String spanField(Node n) {
            if (n instanceof TermNode t) {
                return t.field();
            }
            if (n instanceof PhraseNode ph) {
                return ph.field();
            }
            if (n instanceof NearNode near) {
                String l = spanField(near.left());
                String r = spanField(near.right());
                if (!field(l).equals(field(r))) {
                    throw new AlertQuerySyntaxException(
                            q, near.column(), "both sides of NEAR must search the same field");
                }
                return l;
            }
            if (n instanceof OrNode or) {
                String f = spanField(or.children().get(0));
                for (Node c : or.children()) {
                    if (!field(spanField(c)).equals(field(f))) {
                        throw new AlertQuerySyntaxException(
                                q, c.column(), "both sides of NEAR must search the same field");
                    }
                }
                return f;
            }
            throw new AlertQuerySyntaxException(
                    q, n.column(), "NEAR accepts words, phrases and OR groups of them, not AND or exclusions");
        }

        private record NearNodeField(String field) {}

        private SpanQuery span(Node n, NearNodeField f) {
            String field = f.field();
            if (field.equals(AlertFields.SITE) || field.equals(AlertFields.LANG)) {
                throw new AlertQuerySyntaxException(q, n.column(), "NEAR does not apply to '" + field + ":'");
            }
            if (n instanceof TermNode t) {
                if (hasWildcard(t.text())) {
                    return new SpanMultiTermQueryWrapper<>(
                            new WildcardQuery(new Term(field, wildcardPattern(t.text(), t.column()))));
                }
                return sequence(field, QUERY_ANALYZER.terms(t.text()), 0, true, t.column(), t.text());
            }
            if (n instanceof PhraseNode ph) {
                if (hasWildcard(ph.text())) {
                    throw new AlertQuerySyntaxException(q, ph.column(), "wildcards are not supported inside quotes");
                }
                return sequence(
                        field, QUERY_ANALYZER.terms(ph.text()), ph.slop(), ph.slop() == 0, ph.column(), ph.text());
            }
            if (n instanceof OrNode or) {
                SpanQuery[] clauses = new SpanQuery[or.children().size()];
                for (int k = 0; k < clauses.length; k++) {
                    clauses[k] = span(or.children().get(k), f);
                }
                return new SpanOrQuery(clauses);
            }
            if (n instanceof NearNode near) {
                return new SpanNearQuery(
                        new SpanQuery[] {span(near.left(), f), span(near.right(), f)}, near.distance(), near.ordered());
            }
            throw new AlertQuerySyntaxException(
                    q, n.column(), "NEAR accepts words, phrases and OR groups of them, not AND or exclusions");
        }

        private SpanQuery sequence(
                String field, List<String> terms, int slop, boolean ordered, int column, String text) {
            if (terms.isEmpty()) {
                throw new AlertQuerySyntaxException(q, column, "'" + text + "' contains no word to search");
            }
            if (terms.size() == 1) {
                return new SpanTermQuery(new Term(field, terms.get(0)));
            }
            SpanQuery[] clauses = new SpanQuery[terms.size()];
            for (int k = 0; k < clauses.length; k++) {
                clauses[k] = new SpanTermQuery(new Term(field, terms.get(k)));
            }
            return new SpanNearQuery(clauses, slop, ordered);
        }

        private static boolean hasWildcard(String s) {
            return firstWildcard(s) >= 0;
        }

        private static int firstWildcard(String s) {
            for (int k = 0; k < s.length(); k++) {
                char c = s.charAt(k);
                if (c == '*' || c == '?') {
                    return k;
                }
            }
            return -1;
        }
    }
}
