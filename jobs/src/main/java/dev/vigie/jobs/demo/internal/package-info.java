/**
 * How the demo server renders its bundled templates and answers like the real services (feeds and pages with
 * validators, Mastodon, Bluesky, Reddit and Hacker News search semantics). Nothing outside
 * {@code dev.vigie.jobs.demo} uses it.
 */
package dev.vigie.jobs.demo.internal;
