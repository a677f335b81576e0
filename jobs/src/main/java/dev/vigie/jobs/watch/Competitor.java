package dev.vigie.jobs.watch;

import java.io.Serializable;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** A competitor: its names, the feeds it publishes and the pages followed for changes. */
public record Competitor(String name, List<String> aliases, List<URI> feeds, List<PageWatch> pages)
        implements Serializable {
    public Competitor {
        Checks.requireName("competitor name", name);
        aliases = Checks.requireNames("competitor alias", aliases);
        feeds = Checks.requireHttp("competitor feed", feeds);
        pages = List.copyOf(pages);
    }

    /** The name followed by the aliases. */
    public List<String> names() {
        List<String> all = new ArrayList<>(aliases.size() + 1);
        all.add(name);
        all.addAll(aliases);
        return List.copyOf(all);
    }
}
