package dev.vigie.elasticsearch.analysis;

import java.util.List;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.util.ElisionFilter;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.BooleanSetting;
import org.elasticsearch.plugin.settings.ListSetting;

/**
 * The {@code elision} token filter ({@code l'oreal} becomes {@code oreal}), with the {@code articles} and
 * {@code articles_case} settings. Elasticsearch instantiates every registered filter once without settings (so a
 * bare name can be used in an analyzer), hence without {@code articles} this falls back to Lucene's French articles;
 * Elasticsearch's own filter refuses that, so Vigie's templates always list the articles.
 */
@NamedComponent("elision")
public final class ElisionFilterFactory implements TokenFilterFactory {

    /** The settings Elasticsearch accepts for this filter ({@code articles_path} is not supported). */
    @AnalysisSettings
    public interface Settings {
        /** The elided articles, e.g. {@code l, d, qu}. */
        @ListSetting(path = "articles")
        List<String> articles();

        /** Whether articles are matched ignoring case ({@code L'Oréal}). */
        @BooleanSetting(path = "articles_case", defaultValue = false)
        boolean articlesCase();
    }

    private final CharArraySet articles;

    /** Creates the factory from the filter's settings in the index. */
    @Inject
    public ElisionFilterFactory(Settings settings) {
        List<String> configured = settings.articles();
        this.articles = configured == null || configured.isEmpty()
                ? FrenchAnalyzer.DEFAULT_ARTICLES
                : new CharArraySet(configured, settings.articlesCase());
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new ElisionFilter(tokenStream, articles);
    }

    @Override
    public TokenStream normalize(TokenStream tokenStream) {
        return create(tokenStream);
    }
}
