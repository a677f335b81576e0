package dev.vigie.connectors.internal;

import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The rules of one robots.txt for one user agent, read as RFC 9309 says by crawler-commons'
 * {@link SimpleRobotRulesParser} (the parser of Apache Nutch and StormCrawler): every group whose product token is
 * exactly the agent's is merged, else the {@code *} groups; the longest matching {@code Allow}/{@code Disallow} path
 * wins, {@code Allow} on a tie; {@code *} and {@code $} are matched without backtracking.
 *
 * <p>A robots.txt that cannot be read says different things by cause (RFC 9309 section 2.3.1): "unavailable" (4xx)
 * means no restriction ({@link #ALLOW_ALL}); "unreachable" (5xx, 429, time-out, connection failure) means complete
 * disallow ({@link #unreachable}), kept only a short while so that the next attempt reads the file again.
 */
public final class RobotsRules {
    /** Everything allowed: no robots.txt (4xx). */
    public static final RobotsRules ALLOW_ALL =
            new RobotsRules(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL), null);

    private final SimpleRobotRules rules;
    private final String unreachableReason;

    private RobotsRules(SimpleRobotRules rules, String unreachableReason) {
        this.rules = rules;
        this.unreachableReason = unreachableReason;
    }

    /** Parses {@code text} for the product token {@code agent} (e.g. "vigie"). */
    public static RobotsRules parse(String text, String agent) {
        SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
        parser.setExactUserAgentMatching(true);
        SimpleRobotRules parsed = parser.parseContent(
                "http://robots.invalid/robots.txt",
                text.getBytes(StandardCharsets.UTF_8),
                "text/plain",
                List.of(agent.toLowerCase(java.util.Locale.ROOT)));
        return new RobotsRules(parsed, null);
    }

    /** Complete disallow while robots.txt cannot be reached ({@code why}: status, time-out...). */
    public static RobotsRules unreachable(String why) {
        return new RobotsRules(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE), why);
    }

    /** Why robots.txt could not be reached, {@code null} when these rules were read from it (or it is absent). */
    public String unreachableReason() {
        return unreachableReason;
    }

    /** Whether {@code pathAndQuery} (starting with '/') may be fetched. */
    public boolean allows(String pathAndQuery) {
        String path = pathAndQuery == null || pathAndQuery.isEmpty() ? "/" : pathAndQuery;
        if (!path.startsWith("/")) {
            path = "/" + path;
        }
        return rules.isAllowed("http://robots.invalid" + path);
    }
}
