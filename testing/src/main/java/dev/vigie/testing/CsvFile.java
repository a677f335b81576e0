package dev.vigie.testing;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one CSV reader of the tests, benchmarks and evaluations (the data folder's {@code INDEX.csv} files, AG News,
 * UCI News): Jackson's CSV module, RFC 4180 (quoted fields with commas, doubled quotes and line breaks; CRLF or LF).
 */
public final class CsvFile {
    private static final CsvMapper MAPPER =
            CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();

    private CsvFile() {}

    /** Every record of {@code file} (UTF-8), the header row too, each as its list of fields. */
    public static List<List<String>> rows(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<String[]> it = MAPPER.readerFor(String[].class).readValues(file.toFile())) {
            while (it.hasNextValue()) {
                rows.add(List.of(it.nextValue()));
            }
        } catch (IOException e) {
            throw new IOException("cannot read " + file + " as CSV: " + e.getMessage(), e);
        }
        return rows;
    }

    /**
     * The records of {@code file} after its header row, each a map from column name to value in the header's order;
     * a record with fewer fields than the header gets {@code ""} for the missing ones, fields past the header's are
     * dropped.
     */
    public static List<Map<String, String>> records(Path file) throws IOException {
        List<List<String>> rows = rows(file);
        if (rows.isEmpty()) {
            throw new IOException("no header row in " + file);
        }
        List<String> header = rows.get(0);
        List<Map<String, String>> out = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            Map<String, String> record = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                record.put(header.get(i), i < row.size() ? row.get(i) : "");
            }
            out.add(record);
        }
        return out;
    }
}
