package dev.vigie.jobs.watch.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigie.jobs.watch.WatchError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SectionTest {
    private final List<WatchError> errors = new ArrayList<>();
    private final ValueReader values = new ValueReader("s.yaml", Map.of(), errors);

    private static final class Draft {
        final List<String> read = new ArrayList<>();
    }

    private final Section<Draft> section = new Section<Draft>()
            .key("id", (d, f) -> d.read.add("id=" + f.string(true)))
            .key("every", (d, f) -> d.read.add("every=" + f.string(false)));

    private YamlNode.Mapping mapping(String yaml) {
        return (YamlNode.Mapping) new YamlReader("s.yaml", errors).read(yaml);
    }

    @Test
    void readsEveryListedKeyInTheListedOrderPresentOrNot() {
        Draft d = section.read(values, mapping("every: day\n"), "alerts[0]", new Draft());

        assertThat(d.read).containsExactly("id=null", "every=day");
        assertThat(errors)
                .extracting(WatchError::toString)
                .containsExactly("s.yaml:1: alerts[0].id: missing; a value is required");
    }

    @Test
    void refusesAKeyItDoesNotListWithTheKeysItDoes() {
        section.read(values, mapping("id: a\nevry: day\n"), "alerts[0]", new Draft());

        assertThat(errors)
                .extracting(WatchError::toString)
                .containsExactly(
                        "s.yaml:2: alerts[0].evry: unknown key (did you mean 'every'?); expected one of id, every");
        assertThat(section.braces()).isEqualTo("{ id, every }");
    }

    @Test
    void refusesAKeyListedTwice() {
        assertThatThrownBy(() -> new Section<Draft>().key("id", (d, f) -> {}).key("id", (d, f) -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'id'");
    }
}
