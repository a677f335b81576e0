package dev.vigie.jobs.watch;

import java.io.Serializable;

/** A Hacker News search (stories and comments). */
public record HackerNewsSource(String query) implements Serializable {
    public HackerNewsSource {
        Checks.requireText("hackernews query", query);
    }
}
