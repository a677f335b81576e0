package dev.vigie.jobs.watch;

import java.io.Serializable;

/** A Bluesky post search. */
public record BlueskySource(String query) implements Serializable {
    public BlueskySource {
        Checks.requireText("bluesky query", query);
    }
}
