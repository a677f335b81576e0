package dev.vigie.jobs.watch;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** The watched brand: its name and the other ways people write it (aliases, handles, domains). */
public record Brand(String name, List<String> aliases) implements Serializable {
    public Brand {
        Checks.requireName("brand name", name);
        aliases = Checks.requireNames("brand alias", aliases);
    }

    /** The name followed by the aliases: every spelling brand detection should look for. */
    public List<String> names() {
        List<String> all = new ArrayList<>(aliases.size() + 1);
        all.add(name);
        all.addAll(aliases);
        return List.copyOf(all);
    }
}
