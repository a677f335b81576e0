package dev.vigie.jobs.run;

import dev.vigie.jobs.state.SourceState;
import dev.vigie.jobs.watch.BlueskySource;
import dev.vigie.jobs.watch.Competitor;
import dev.vigie.jobs.watch.HackerNewsSource;
import dev.vigie.jobs.watch.MastodonSource;
import dev.vigie.jobs.watch.PageWatch;
import dev.vigie.jobs.watch.RedditSource;
import dev.vigie.jobs.watch.Watch;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns a watch into its source tasks, each with the state its source had at the end of the last run. */
final class SourcePlanner {

    private SourcePlanner() {}

    static List<SourceTask> plan(Watch watch, Map<String, SourceState> states, ApiEndpoints apis) {
        List<SourceTask> tasks = new ArrayList<>();
        String w = watch.id();
        for (URI feed : watch.sources().feeds()) {
            add(
                    tasks,
                    states,
                    new SourceRef(w, "feed", feed.getHost(), feed.toString()),
                    new SourceSpec.Feed(feed, null));
        }
        for (MastodonSource mastodon : watch.sources().mastodon()) {
            for (String tag : mastodon.hashtags()) {
                add(
                        tasks,
                        states,
                        new SourceRef(
                                w, "mastodon", "#" + tag, mastodon.instance().toString()),
                        new SourceSpec.Mastodon(mastodon.instance(), tag, null));
            }
            for (String query : mastodon.queries()) {
                add(
                        tasks,
                        states,
                        new SourceRef(w, "mastodon", query, mastodon.instance().toString()),
                        new SourceSpec.Mastodon(mastodon.instance(), null, query));
            }
        }
        for (BlueskySource bluesky : watch.sources().bluesky()) {
            add(
                    tasks,
                    states,
                    new SourceRef(w, "bluesky", bluesky.query(), apis.bluesky().toString()),
                    new SourceSpec.Bluesky(apis.bluesky(), bluesky.query()));
        }
        for (RedditSource reddit : watch.sources().reddit()) {
            if (reddit.subreddits().isEmpty()) {
                add(
                        tasks,
                        states,
                        new SourceRef(w, "reddit", reddit.query(), apis.reddit().toString()),
                        new SourceSpec.Reddit(apis.reddit(), reddit.query(), null));
            }
            for (String subreddit : reddit.subreddits()) {
                add(
                        tasks,
                        states,
                        new SourceRef(
                                w,
                                "reddit",
                                reddit.query() + " in r/" + subreddit,
                                apis.reddit().toString()),
                        new SourceSpec.Reddit(apis.reddit(), reddit.query(), subreddit));
            }
        }
        for (HackerNewsSource hn : watch.sources().hackernews()) {
            add(
                    tasks,
                    states,
                    new SourceRef(w, "hackernews", hn.query(), apis.hackernews().toString()),
                    new SourceSpec.HackerNews(apis.hackernews(), hn.query()));
        }
        for (Competitor competitor : watch.competitors()) {
            for (URI feed : competitor.feeds()) {
                add(
                        tasks,
                        states,
                        new SourceRef(w, "feed", competitor.name(), feed.toString()),
                        new SourceSpec.Feed(feed, competitor.name()));
            }
            for (PageWatch page : competitor.pages()) {
                add(
                        tasks,
                        states,
                        new SourceRef(w, "page", competitor.name(), page.url().toString()),
                        new SourceSpec.Page(competitor.name(), page.url(), page.select(), page.ignore(), page.noise()));
            }
        }
        return tasks;
    }

    private static void add(List<SourceTask> tasks, Map<String, SourceState> states, SourceRef ref, SourceSpec spec) {
        tasks.add(new SourceTask(ref, spec, states.getOrDefault(ref.key(), SourceState.EMPTY)));
    }
}
