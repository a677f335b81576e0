package dev.vigie.elasticsearch.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.junit.jupiter.api.Test;

class AnalysisComponentsTest {

    private static final List<Class<?>> COMPONENTS = List.of(
            FrenchAnalyzerFactory.class,
            EnglishAnalyzerFactory.class,
            LowercaseFilterFactory.class,
            AsciiFoldingFilterFactory.class,
            ElisionFilterFactory.class,
            StemmerFilterFactory.class);

    @Test
    void namedComponentsFileListsEveryAnnotatedComponentUnderItsInterface() throws IOException {
        Map<String, Map<String, String>> declared = new ObjectMapper()
                .readValue(
                        Files.readString(Path.of("src/main/plugin/named_components.json")), new TypeReference<>() {});
        Map<String, Map<String, String>> expected = new HashMap<>();
        for (Class<?> component : COMPONENTS) {
            String api = AnalyzerFactory.class.isAssignableFrom(component)
                    ? AnalyzerFactory.class.getName()
                    : TokenFilterFactory.class.getName();
            expected.computeIfAbsent(api, k -> new HashMap<>())
                    .put(component.getAnnotation(NamedComponent.class).value(), component.getName());
        }
        assertThat(declared).isEqualTo(expected);
    }

    @Test
    void everyClassOfThePackageIsDeclared() throws IOException {
        try (var files = Files.list(Path.of("src/main/java/dev/vigie/elasticsearch/analysis"))) {
            List<String> sources = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith("Factory.java"))
                    .map(n -> n.replace(".java", ""))
                    .toList();
            assertThat(sources)
                    .containsExactlyInAnyOrderElementsOf(
                            COMPONENTS.stream().map(Class::getSimpleName).toList());
        }
    }

    @Test
    void frenchChainReducesInflectionsElisionAndAccentsToOneTerm() throws IOException {
        Function<TokenStream, TokenStream> chain = french();
        assertThat(terms("Les chevaux de L'Oréal", chain)).containsExactly("les", "cheval", "de", "oreal");
        assertThat(terms("un cheval, l'oreal", chain)).containsExactly("un", "cheval", "oreal");
        assertThat(terms("qu’il", chain)).containsExactly("il");
    }

    @Test
    void englishStemmerMatchesRunningWithRun() throws IOException {
        StemmerFilterFactory stemmer = new StemmerFilterFactory(() -> "english");
        StemmerFilterFactory possessive = new StemmerFilterFactory(() -> "possessive_english");
        Function<TokenStream, TokenStream> chain =
                s -> stemmer.create(new LowercaseFilterFactory().create(possessive.create(s)));
        assertThat(terms("Running Acme's runs", chain)).containsExactly("run", "acm", "run");
    }

    @Test
    void languageAnalyzersStemLikeElasticsearch() throws IOException {
        assertThat(analyze(new FrenchAnalyzerFactory().create(), "Les chevaux")).containsExactly("cheval");
        assertThat(analyze(new EnglishAnalyzerFactory().create(), "The running dogs"))
                .containsExactly("run", "dog");
    }

    @Test
    void asciiFoldingCanPreserveTheOriginal() throws IOException {
        AsciiFoldingFilterFactory keep = new AsciiFoldingFilterFactory(() -> true);
        assertThat(terms("Oréal", keep::create)).containsExactly("Oreal", "Oréal");
        assertThat(terms("Oréal", s -> keep.normalize(s))).containsExactly("Oreal");
    }

    @Test
    void refusesUnknownStemmerLanguageNamingIt() {
        assertThatThrownBy(() -> new StemmerFilterFactory(() -> "klingon"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[klingon]");
    }

    @Test
    void elisionWithoutArticlesUsesFrenchOnesAndWithArticlesOnlyThose() throws IOException {
        ElisionFilterFactory bare = new ElisionFilterFactory(elision(List.of(), false));
        assertThat(terms("l'avion jusqu'ici", bare::create)).containsExactly("avion", "ici");
        ElisionFilterFactory onlyL = new ElisionFilterFactory(elision(List.of("l"), false));
        assertThat(terms("l'avion d'abord", onlyL::create)).containsExactly("avion", "d'abord");
    }

    private static Function<TokenStream, TokenStream> french() {
        ElisionFilterFactory elision = new ElisionFilterFactory(elision(List.of("l", "d", "qu"), true));
        StemmerFilterFactory stem = new StemmerFilterFactory(() -> "light_french");
        return s -> stem.create(new AsciiFoldingFilterFactory(() -> false)
                .create(new LowercaseFilterFactory().create(elision.create(s))));
    }

    private static ElisionFilterFactory.Settings elision(List<String> articles, boolean ignoreCase) {
        return (ElisionFilterFactory.Settings) Proxy.newProxyInstance(
                ElisionFilterFactory.class.getClassLoader(),
                new Class<?>[] {ElisionFilterFactory.Settings.class},
                (proxy, method, args) -> method.getName().equals("articles") ? articles : ignoreCase);
    }

    private static List<String> terms(String text, Function<TokenStream, TokenStream> chain) throws IOException {
        Tokenizer tokenizer = new StandardTokenizer();
        tokenizer.setReader(new java.io.StringReader(text));
        return collect(chain.apply(tokenizer));
    }

    private static List<String> analyze(Analyzer analyzer, String text) throws IOException {
        try (analyzer) {
            return collect(analyzer.tokenStream("f", text));
        }
    }

    private static List<String> collect(TokenStream stream) throws IOException {
        List<String> out = new ArrayList<>();
        try (stream) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                out.add(term.toString());
            }
            stream.end();
        }
        return out;
    }
}
