package dev.vigie.elasticsearch.analysis;

import java.util.Locale;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.fr.FrenchMinimalStemFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.StringSetting;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.FrenchStemmer;

/**
 * The {@code stemmer} token filter for the French and English values of Elasticsearch's {@code language} setting,
 * mapped to the same Lucene stemmers Elasticsearch uses ({@code light_french} is {@code chevaux} to {@code cheval},
 * {@code english} is Porter, {@code running} to {@code run}).
 */
@NamedComponent("stemmer")
public final class StemmerFilterFactory implements TokenFilterFactory {

    /** The settings Elasticsearch accepts for this filter ({@code name} is an alias of {@code language} there). */
    @AnalysisSettings
    public interface Settings {
        /** The stemmer, by Elasticsearch's name for it. */
        @StringSetting(path = "language", defaultValue = "english")
        String language();
    }

    private final UnaryOperator<TokenStream> stemmer;

    /** Creates the factory from the filter's settings in the index. */
    @Inject
    public StemmerFilterFactory(Settings settings) {
        this.stemmer = stemmerFor(settings.language());
    }

    static UnaryOperator<TokenStream> stemmerFor(String language) {
        String name = language == null ? "" : language.toLowerCase(Locale.ROOT);
        switch (name) {
            case "english":
            case "porter":
                return PorterStemFilter::new;
            case "light_english":
            case "kstem":
                return KStemFilter::new;
            case "minimal_english":
                return EnglishMinimalStemFilter::new;
            case "possessive_english":
                return EnglishPossessiveFilter::new;
            case "porter2":
                return stream -> new SnowballFilter(stream, new EnglishStemmer());
            case "french":
                return stream -> new SnowballFilter(stream, new FrenchStemmer());
            case "light_french":
                return FrenchLightStemFilter::new;
            case "minimal_french":
                return FrenchMinimalStemFilter::new;
            default:
                throw new IllegalArgumentException("stemmer language [" + language + "] is not supported by the"
                        + " vigie-analysis plugin; use one of english, porter, light_english, kstem, minimal_english,"
                        + " possessive_english, porter2, french, light_french, minimal_french");
        }
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return stemmer.apply(tokenStream);
    }
}
