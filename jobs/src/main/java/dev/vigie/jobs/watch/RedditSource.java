package dev.vigie.jobs.watch;

import java.io.Serializable;
import java.util.List;

/** A Reddit search, across Reddit or restricted to some subreddits (names without {@code r/}). */
public record RedditSource(String query, List<String> subreddits) implements Serializable {
    public RedditSource {
        Checks.requireText("reddit query", query);
        subreddits = Checks.requireTexts("subreddit", subreddits).stream()
                .map(s -> s.startsWith("r/") ? s.substring(2) : s)
                .toList();
    }
}
