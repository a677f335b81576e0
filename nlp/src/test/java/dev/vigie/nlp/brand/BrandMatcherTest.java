package dev.vigie.nlp.brand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BrandMatcherTest {

    private final BrandMatcher brands = BrandMatcher.of(List.of(
            new BrandSpec("Acme", BrandSpec.Role.BRAND, List.of("Acme Corp", "acme.com")),
            new BrandSpec("L'Oréal", BrandSpec.Role.COMPETITOR, List.of("@lorealparis")),
            new BrandSpec("Globex", BrandSpec.Role.COMPETITOR, List.of("@globex_fr", "Globex Corporation"))));

    @Test
    void findsNamesAcrossCaseAccentsElisionHashtagsAndHandles() {
        assertThat(brands.names("ACME ou LOREAL ?")).containsExactly("Acme", "L'Oréal");
        assertThat(brands.names("Merci #acme et @Acme")).containsExactly("Acme");
        assertThat(brands.names("chez l’oreal")).containsExactly("L'Oréal");
        assertThat(brands.names("vu par @LorealParis")).containsExactly("L'Oréal");
        assertThat(brands.names("vu par @loreal et Oréal")).containsExactly("L'Oréal");
    }

    @Test
    void neverInsideAnotherWord() {
        assertThat(brands.names("Acmeology and globexx and preacme")).isEmpty();
    }

    @Test
    void multiWordAliasesDomainsAndRunTogetherHashtags() {
        List<BrandMention> m = brands.find("La Globex Corporation répond à #AcmeCorp via https://www.acme.com/prix");
        assertThat(m).extracting(BrandMention::name).containsExactly("Globex", "Acme", "Acme");
        assertThat(m).extracting(BrandMention::alias).containsExactly("Globex Corporation", "Acme Corp", "acme.com");
        String text = "La Globex Corporation répond";
        BrandMention first = brands.find(text).get(0);
        assertThat(text.substring(first.start(), first.end())).isEqualTo("Globex Corporation");
        assertThat(first.role()).isEqualTo(BrandSpec.Role.COMPETITOR);
    }

    @Test
    void handleAliasMatchesOnlyTheHandle() {
        BrandMatcher onlyHandle =
                BrandMatcher.of(List.of(new BrandSpec("Zeta", BrandSpec.Role.BRAND, List.of("@zetahq"))));
        assertThat(onlyHandle.names("zetahq says")).isEmpty();
        assertThat(onlyHandle.names("@zetahq says")).containsExactly("Zeta");
    }

    @Test
    void refusesBadSpecs() {
        assertThatThrownBy(() -> new BrandSpec(" ", BrandSpec.Role.BRAND, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BrandSpec("Acme", null, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Acme");
        assertThatThrownBy(() -> new BrandSpec("Acme", BrandSpec.Role.BRAND, List.of("")))
                .hasMessageContaining("blank");
        assertThatThrownBy(() -> BrandMatcher.of(List.of(new BrandSpec("Acme", BrandSpec.Role.BRAND, List.of("!!")))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'!!'");
        assertThatThrownBy(() -> BrandMatcher.of(List.of(
                        new BrandSpec("Acme", BrandSpec.Role.BRAND, null),
                        new BrandSpec("Acme", BrandSpec.Role.COMPETITOR, null))))
                .hasMessageContaining("twice");
    }
}
