/**
 * {@code vigie demo}: the README's first command. A fictional brand (Ventelune, e-bike subscriptions founded in
 * Lyon) and two competitors (Roulequai, Cyclanthe) are bundled as feeds, Mastodon, Bluesky, Reddit and Hacker News
 * responses and competitor pages, written for this project in the services' real wire formats. {@link
 * dev.vigie.jobs.demo.DemoServer} serves them on loopback, with dates rewritten relative to the moment it starts so
 * the data is always recent; {@link dev.vigie.jobs.demo.DemoCommand} runs the real pipeline on them twice, the
 * second time against a server in {@link dev.vigie.jobs.demo.DemoPhase#SECOND}, so incremental fetching, page
 * changes and alert emails all show. Before the runs, {@link dev.vigie.jobs.demo.DemoModel} trains the French
 * sentiment model the demo watch names, with {@code vigie train}.
 *
 * <p>The data lives in {@code src/main/resources/demo/} (bundled in the jar): {@code feeds/}, {@code mastodon/},
 * {@code bluesky/}, {@code reddit/}, {@code hackernews/} ({@code *.phase2.json} holds what appears in the second
 * phase), {@code pages/}, {@code demo-watch.yaml} and {@code sentiment-fr-demo.tsv} (labelled posts for the model). Template syntax is documented on
 * {@link dev.vigie.jobs.demo.internal.DemoTemplates}.
 */
package dev.vigie.jobs.demo;
