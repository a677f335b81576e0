package dev.vigie.dashboards.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README and docs/ point at each other's sections and at files of the repository; a section renamed or a file
 * moved breaks those links silently. This reads every relative Markdown link of {@code README.md} and
 * {@code docs/*.md} and checks that its file exists and, for {@code file.md#anchor}, that the file has a heading with
 * that anchor (GitHub's: lower case, punctuation dropped, spaces as hyphens, {@code -1}, {@code -2} for repeats).
 * Links in fenced code blocks and absolute URLs are not checked.
 */
class DocumentationLinksTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    @Test
    void everyRelativeLinkOfTheReadmeAndDocsResolves() throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(5);

        List<String> links = new ArrayList<>();
        List<String> broken = brokenLinks(files, links);

        assertThat(links).as("links found").hasSizeGreaterThan(40);
        assertThat(broken).isEmpty();
    }

    @Test
    void findsAMissingFileAndAMissingAnchor(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.md"), """
                # Title

                See [b](b.md#the-weekly-report-1), [the code](src/Missing.java), [gone](b.md#nowhere),
                [here](#title), [web](https://example.com/x.md#y).

                ```
                [in code](not/checked.md)
                ```
                """, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("b.md"), """
                ## The weekly report
                text
                ## The weekly report
                ### `vigie serve`: options (`--corenlp WHEN_UNCERTAIN`)
                """, StandardCharsets.UTF_8);

        List<String> links = new ArrayList<>();
        List<String> broken = brokenLinks(List.of(dir.resolve("a.md")), links);

        assertThat(links).hasSize(4);
        assertThat(broken).containsExactly("a.md: no file src/Missing.java", "a.md: no heading for b.md#nowhere");
        assertThat(anchors(dir.resolve("b.md")))
                .containsExactly(
                        "the-weekly-report", "the-weekly-report-1", "vigie-serve-options---corenlp-when_uncertain");
    }

    /** Every relative link of {@code files} that does not resolve, as "file: why"; {@code links} gets all checked. */
    private static List<String> brokenLinks(List<Path> files, List<String> links) throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path file : files) {
            for (String target : linkTargets(file)) {
                if (SCHEME.matcher(target).find()) {
                    continue;
                }
                links.add(target);
                int hash = target.indexOf('#');
                String path = hash < 0 ? target : target.substring(0, hash);
                String anchor = hash < 0 ? "" : target.substring(hash + 1);
                Path dest = path.isEmpty() ? file : file.resolveSibling(path).normalize();
                String name = file.getFileName().toString();
                if (!Files.exists(dest)) {
                    broken.add(name + ": no file " + target);
                } else if (!anchor.isEmpty() && !anchors(dest).contains(anchor)) {
                    broken.add(name + ": no heading for " + target);
                }
            }
        }
        return broken;
    }

    private static List<String> linkTargets(Path file) throws IOException {
        List<String> targets = new ArrayList<>();
        boolean inCode = false;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.strip().startsWith("```")) {
                inCode = !inCode;
            } else if (!inCode) {
                Matcher m = LINK.matcher(line);
                while (m.find()) {
                    targets.add(m.group(1));
                }
            }
        }
        return targets;
    }

    /** The anchors GitHub gives the headings of a Markdown file, in order. */
    private static Set<String> anchors(Path file) throws IOException {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean inCode = false;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.strip().startsWith("```")) {
                inCode = !inCode;
                continue;
            }
            Matcher m = HEADING.matcher(line);
            if (inCode || !m.matches()) {
                continue;
            }
            String slug = slug(m.group(1));
            int n = seen.merge(slug, 1, Integer::sum) - 1;
            anchors.add(n == 0 ? slug : slug + "-" + n);
        }
        return anchors;
    }

    private static String slug(String heading) {
        StringBuilder out = new StringBuilder();
        heading.toLowerCase(Locale.ROOT).codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                out.appendCodePoint(c);
            } else if (c == ' ') {
                out.append('-');
            }
        });
        return out.toString();
    }
}
