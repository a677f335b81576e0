package dev.vigie.jobs.watch.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.vigie.jobs.watch.WatchError;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML text into {@link YamlNode}s with Jackson's streaming parser, recording lines and duplicate keys.
 * A watch is one plain document: aliases ({@code *name}, which Jackson's streaming parser would hand over as the
 * anchor's name, and which can multiply a small file into a huge tree) and a second document are refused at their
 * line.
 */
public final class YamlReader {
    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

    private final String file;
    private final List<WatchError> errors;

    public YamlReader(String file, List<WatchError> errors) {
        this.file = file;
        this.errors = errors;
    }

    /** The document's root, or {@code null} (with an error added) when the text is not YAML or is empty. */
    public YamlNode read(String text) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                errors.add(new WatchError(
                        file, 0, "", "the file is empty; expected a watch (see deploy/watches/example.yaml)"));
                return null;
            }
            YamlNode root = node(parser, "");
            if (parser.nextToken() != null) {
                errors.add(
                        new WatchError(
                                file,
                                parser.currentTokenLocation().getLineNr(),
                                "",
                                "a second YAML "
                                        + "document starts here; a watch file holds one watch (write each watch in a file of its own)"));
                return null;
            }
            return root;
        } catch (Refused e) {
            errors.add(new WatchError(file, e.line, e.path, e.getMessage()));
            return null;
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            errors.add(new WatchError(
                    file, loc == null ? 0 : loc.getLineNr(), "", "not valid YAML: " + summary(e.getOriginalMessage())));
            return null;
        } catch (IOException e) {
            errors.add(new WatchError(file, 0, "", "cannot be read: " + e.getMessage()));
            return null;
        }
    }

    /** SnakeYAML's message without its source excerpts and carets: the line is already in the error. */
    private static String summary(String message) {
        return message.lines()
                .filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
                .collect(java.util.stream.Collectors.joining(": "));
    }

    /** A construct the reader refuses outright, at its line. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int line;
        private final String path;

        Refused(int line, String path, String message) {
            super(message, null, false, false);
            this.line = line;
            this.path = path;
        }
    }

    private YamlNode node(JsonParser parser, String path) throws IOException {
        int line = parser.currentTokenLocation().getLineNr();
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    int keyLine = parser.currentTokenLocation().getLineNr();
                    String childPath = path.isEmpty() ? key : path + "." + key;
                    parser.nextToken();
                    YamlNode value = node(parser, childPath);
                    if (entries.containsKey(key)) {
                        errors.add(new WatchError(
                                file,
                                keyLine,
                                childPath,
                                "duplicate key (first written on line "
                                        + entries.get(key).keyLine() + ")"));
                    } else {
                        entries.put(key, new YamlNode.Entry(keyLine, value));
                    }
                }
                return new YamlNode.Mapping(line, entries);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(node(parser, path + "[" + items.size() + "]"));
                }
                return new YamlNode.Sequence(line, items);
            }
            case VALUE_STRING -> {
                if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
                    throw new Refused(
                            line,
                            path,
                            "YAML aliases (*" + parser.getText() + ") are not read in a watch "
                                    + "file; write the value out where it is used");
                }
                return new YamlNode.Scalar(line, parser.getText(), YamlNode.Scalar.Type.STRING);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new YamlNode.Scalar(line, parser.getText(), YamlNode.Scalar.Type.NUMBER);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new YamlNode.Scalar(line, parser.getText(), YamlNode.Scalar.Type.BOOLEAN);
            }
            case VALUE_NULL -> {
                return new YamlNode.Scalar(line, null, YamlNode.Scalar.Type.NULL);
            }
            default ->
                throw new JsonProcessingException(
                        "unexpected " + token + " at " + path, parser.currentTokenLocation()) {};
        }
    }
}
