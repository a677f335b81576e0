package dev.vigie.nlp.text;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Lucene analyzer built on {@link TextNormalizer}: the same tokens, folding, elision and light stemming as the rest
 * of the module, for Lucene-based components (alert matching, theme classification).
 *
 * <p>In {@link Mode#DOCUMENT} mode a hashtag or handle is indexed twice at one position: as itself ({@code #acme})
 * and as its stemmed bare word ({@code acme}), so a query {@code acme} finds {@code #acme} while a query
 * {@code #acme} finds only the hashtag. {@link Mode#QUERY} mode emits only the first form, which is what a query
 * term means. Titles and texts indexed as two values of one field are kept {@link #POSITION_GAP} positions apart, so
 * a phrase or proximity query never matches across them.
 *
 * <p>Thread-safe, like any Lucene {@link Analyzer} (token streams are reused per thread).
 */
public final class SocialAnalyzer extends Analyzer {

    /** Positions between two values of one field: more than any proximity an analyst writes. */
    public static final int POSITION_GAP = 100;

    /** What the analyzed text is. */
    public enum Mode {
        /** A document to match: hashtags and handles also produce their bare word. */
        DOCUMENT,
        /** A query term: a hashtag stays a hashtag. */
        QUERY
    }

    private final Mode mode;

    /**
     * @param mode document or query analysis
     */
    public SocialAnalyzer(Mode mode) {
        if (mode == null) {
            throw new IllegalArgumentException("analyzer mode must not be null");
        }
        this.mode = mode;
    }

    /** The analysis mode. */
    public Mode mode() {
        return mode;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        return new TokenStreamComponents(new SocialTokenizer(mode));
    }

    @Override
    public int getPositionIncrementGap(String fieldName) {
        return POSITION_GAP;
    }

    /**
     * Analyzes a string the way a field value is analyzed, returning the terms (several terms at one position appear
     * in order: a hashtag before its bare word).
     *
     * @param text text to analyze
     * @return terms in order
     */
    public List<String> terms(String text) {
        List<String> out = new ArrayList<>();
        for (Token t : TextNormalizer.tokenize(text)) {
            out.add(indexForm(t));
            if (mode == Mode.DOCUMENT && t.kind() != Token.Kind.WORD && t.kind() != Token.Kind.NUMBER) {
                out.add(TextNormalizer.stem(t.bare()));
            }
        }
        return out;
    }

    /** The term a token gives in either mode: words are stemmed, hashtags/handles and numbers kept. */
    static String indexForm(Token t) {
        return t.kind() == Token.Kind.WORD ? TextNormalizer.stem(t.normalized()) : t.normalized();
    }

    private static final class SocialTokenizer extends Tokenizer {
        private final Mode mode;
        private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
        private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);
        private final PositionIncrementAttribute posIncAtt = addAttribute(PositionIncrementAttribute.class);
        private final StringBuilder buffer = new StringBuilder();
        private List<Token> tokens = List.of();
        private int next;
        private boolean pendingBare;
        private int length;

        SocialTokenizer(Mode mode) {
            this.mode = mode;
        }

        @Override
        public boolean incrementToken() {
            clearAttributes();
            if (pendingBare) {
                Token t = tokens.get(next - 1);
                pendingBare = false;
                termAtt.append(TextNormalizer.stem(t.bare()));
                posIncAtt.setPositionIncrement(0);
                offsetAtt.setOffset(correctOffset(t.start()), correctOffset(t.end()));
                return true;
            }
            if (next >= tokens.size()) {
                return false;
            }
            Token t = tokens.get(next++);
            termAtt.append(indexForm(t));
            posIncAtt.setPositionIncrement(1);
            offsetAtt.setOffset(correctOffset(t.start()), correctOffset(t.end()));
            pendingBare = mode == Mode.DOCUMENT && (t.kind() == Token.Kind.HASHTAG || t.kind() == Token.Kind.MENTION);
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            buffer.setLength(0);
            char[] chunk = new char[1024];
            Reader reader = input;
            int read;
            while ((read = reader.read(chunk)) != -1) {
                buffer.append(chunk, 0, read);
            }
            length = buffer.length();
            tokens = TextNormalizer.tokenize(buffer.toString());
            next = 0;
            pendingBare = false;
        }

        @Override
        public void end() throws IOException {
            super.end();
            int finalOffset = correctOffset(length);
            offsetAtt.setOffset(finalOffset, finalOffset);
        }
    }
}
