package dev.vigie.dashboards.fields;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.dashboards.IndexTemplates;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The field-name constants against the index template files they name (the files are the source of truth). */
class FieldConstantsTest {

    static List<Object[]> classes() {
        return List.of(
                new Object[] {IndexTemplates.MENTIONS, MentionFields.class},
                new Object[] {IndexTemplates.PAGE_CHANGES, PageChangeFields.class},
                new Object[] {IndexTemplates.ALERTS, AlertHitFields.class},
                new Object[] {IndexTemplates.RUNS, RunFields.class},
                new Object[] {IndexTemplates.ERRORS, ErrorFields.class},
                new Object[] {IndexTemplates.STATE, StateFields.class},
                new Object[] {IndexTemplates.LEASES, LeaseFields.class});
    }

    @Test
    void everyTemplateHasItsClass() {
        assertThat(classes()).extracting(c -> (String) c[0]).containsExactlyInAnyOrderElementsOf(IndexTemplates.NAMES);
    }

    @TestFactory
    Stream<DynamicTest> everyConstantIsAFieldOfTheTemplateAndEveryFieldHasAConstant() {
        return classes().stream()
                .map(c -> DynamicTest.dynamicTest((String) c[0], () -> check((String) c[0], (Class<?>) c[1])));
    }

    private static void check(String index, Class<?> constants) {
        Map<String, String> fields = IndexTemplates.fieldTypes(index);
        Set<String> objects = fields.keySet().stream()
                .filter(p -> p.contains("."))
                .map(p -> p.substring(0, p.indexOf('.')))
                .filter(p -> !fields.containsKey(p))
                .collect(Collectors.toCollection(TreeSet::new));
        Map<String, String> declared = constants(constants);

        assertThat(declared.values())
                .as("constants of %s that name no field of %s", constants.getSimpleName(), index)
                .allMatch(path -> fields.containsKey(path) || objects.contains(path));
        assertThat(new TreeSet<>(declared.values()))
                .as("fields of %s", index)
                .containsAll(fields.keySet())
                .containsAll(objects);
        declared.forEach((name, path) -> assertThat(name)
                .as(path)
                .isEqualTo(path.toUpperCase(Locale.ROOT).replace('.', '_')));
    }

    @Test
    void aLeafIsTheNameInsideItsObject() {
        assertThat(Fields.leaf(MentionFields.SOURCE_TYPE)).isEqualTo("type");
        assertThat(Fields.leaf(MentionFields.PUBLISHED_AT)).isEqualTo("published_at");
    }

    /** Constant name to value, for every public static final String of the class. */
    private static Map<String, String> constants(Class<?> type) {
        return Arrays.stream(type.getDeclaredFields())
                .filter(f -> Modifier.isPublic(f.getModifiers())
                        && Modifier.isStatic(f.getModifiers())
                        && f.getType() == String.class)
                .collect(Collectors.toMap(Field::getName, FieldConstantsTest::value));
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }
}
