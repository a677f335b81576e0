package dev.vigie.jobs.watch;

import dev.vigie.jobs.watch.internal.WatchBinder;
import dev.vigie.jobs.watch.internal.YamlNode;
import dev.vigie.jobs.watch.internal.YamlReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads watch files. A file is refused as a whole, before anything runs, with every error found in it (file, line,
 * field path, what was expected), so that a user fixes a file in one go rather than one error per run.
 *
 * <p>{@code ${NAME}} in any value is replaced from the environment given at construction; a variable that is not set
 * is an error. Secrets ({@code elasticsearch.api_key}, {@code mail.password}) must come from the environment, and
 * their values appear in no message.
 */
public final class WatchLoader {
    private static final Logger LOG = LoggerFactory.getLogger(WatchLoader.class);

    /**
     * The largest watch file read: a watch of a hundred competitors with their pages and alerts is a few dozen
     * kilobytes, and the cap keeps {@code --watch /dev/zero} or a mistaken log file from filling the memory.
     */
    public static final int MAX_FILE_BYTES = 1024 * 1024;

    private final Map<String, String> env;

    /** A loader that resolves {@code ${NAME}} from {@code env} (tests pass their own map). */
    public WatchLoader(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** A loader that resolves {@code ${NAME}} from the process environment. */
    public static WatchLoader fromEnvironment() {
        return new WatchLoader(System.getenv());
    }

    /**
     * Loads one watch file.
     *
     * @throws InvalidWatchException with every error of the file when it is missing, unreadable or invalid
     */
    public Watch load(Path file) throws InvalidWatchException {
        String name = file.toString();
        String text;
        try {
            byte[] bytes = readBounded(file);
            if (bytes == null) {
                throw new InvalidWatchException(List.of(
                        new WatchError(name, 0, "", "is larger than 1 MiB; a watch file is a few kilobytes of YAML")));
            }
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (NoSuchFileException e) {
            throw new InvalidWatchException(List.of(new WatchError(name, 0, "", "no such file")));
        } catch (CharacterCodingException e) {
            throw new InvalidWatchException(List.of(new WatchError(name, 0, "", "is not UTF-8 text")));
        } catch (IOException e) {
            throw new InvalidWatchException(List.of(new WatchError(name, 0, "", "cannot be read: " + e)));
        }
        Watch watch = parse(name, text);
        LOG.info(
                "Loaded watch '{}' from {}: {} competitors, {} alerts, {} themes",
                watch.id(),
                name,
                watch.competitors().size(),
                watch.alerts().size(),
                watch.themes().size());
        return watch;
    }

    /** The file's bytes, or {@code null} when it holds more than {@link #MAX_FILE_BYTES}; never reads past it. */
    private static byte[] readBounded(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
            return bytes.length > MAX_FILE_BYTES ? null : bytes;
        }
    }

    /**
     * Parses watch YAML held in memory.
     *
     * @param name what to call the text in errors (usually its file name)
     * @throws InvalidWatchException with every error found
     */
    public Watch parse(String name, String yaml) throws InvalidWatchException {
        List<WatchError> errors = new ArrayList<>();
        YamlNode root = new YamlReader(name, errors).read(yaml);
        Watch watch = root == null ? null : new WatchBinder(name, env, errors).bind(root);
        if (!errors.isEmpty() || watch == null) {
            if (errors.isEmpty()) {
                errors.add(new WatchError(name, 0, "", "is not a valid watch"));
            }
            errors.sort(java.util.Comparator.comparingInt(WatchError::line));
            throw new InvalidWatchException(errors);
        }
        return watch;
    }
}
