package dev.vigie.elasticsearch.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/** Lucene's {@link FrenchAnalyzer} under Elasticsearch's standard analyzer name {@code french}. */
@NamedComponent("french")
public final class FrenchAnalyzerFactory implements AnalyzerFactory {
    @Override
    public Analyzer create() {
        return new FrenchAnalyzer();
    }
}
