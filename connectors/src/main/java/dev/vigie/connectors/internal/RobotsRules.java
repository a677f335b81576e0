package dev.vigie.connectors.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rules of one robots.txt for one user agent (RFC 9309): the group naming the agent, else the {@code *} group;
 * the longest matching {@code Allow}/{@code Disallow} path wins, {@code Allow} on a tie; {@code *} and {@code $}
 * wildcards are understood.
 */
public final class RobotsRules {
    /** Everything allowed: no robots.txt, or one that could not be read (4xx). */
    public static final RobotsRules ALLOW_ALL = new RobotsRules(List.of());

    private record Rule(boolean allow, String pattern) {
    }

    private final List<Rule> rules;

    private RobotsRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** Parses {@code text} for the product token {@code agent} (e.g. "vigie"). */
    public static RobotsRules parse(String text, String agent) {
        String me = agent.toLowerCase(Locale.ROOT);
        List<Rule> mine = new ArrayList<>();
        List<Rule> star = new ArrayList<>();
        boolean foundMine = false;
        List<String> groupAgents = new ArrayList<>();
        List<Rule> current = new ArrayList<>();
        boolean inRules = false;
        for (String raw : text.split("\r\n|\r|\n")) {
            int hash = raw.indexOf('#');
            String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (key.equals("user-agent")) {
                if (inRules) {
                    groupAgents = new ArrayList<>();
                    current = new ArrayList<>();
                    inRules = false;
                }
                groupAgents.add(value.toLowerCase(Locale.ROOT));
                String v = value.toLowerCase(Locale.ROOT);
                if (v.equals("*")) {
                    star = current;
                } else if (!v.isEmpty() && me.contains(v) || v.contains(me)) {
                    if (!foundMine) {
                        mine = current;
                        foundMine = true;
                    }
                }
            } else if (key.equals("allow") || key.equals("disallow")) {
                inRules = true;
                if (groupAgents.isEmpty()) {
                    continue;
                }
                if (!value.isEmpty()) {
                    current.add(new Rule(key.equals("allow"), value));
                }
            }
        }
        return new RobotsRules(foundMine ? mine : star);
    }

    /** Whether {@code pathAndQuery} (starting with '/') may be fetched. */
    public boolean allows(String pathAndQuery) {
        String path = pathAndQuery == null || pathAndQuery.isEmpty() ? "/" : pathAndQuery;
        int bestLength = -1;
        boolean allowed = true;
        for (Rule r : rules) {
            if (matches(r.pattern, path)) {
                int len = r.pattern.length();
                if (len > bestLength || (len == bestLength && r.allow)) {
                    bestLength = len;
                    allowed = r.allow;
                }
            }
        }
        return allowed;
    }

    private static boolean matches(String pattern, String path) {
        boolean anchored = pattern.endsWith("$");
        String p = anchored ? pattern.substring(0, pattern.length() - 1) : pattern;
        return match(p, 0, path, 0, anchored);
    }

    private static boolean match(String p, int pi, String s, int si, boolean anchored) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '*') {
                for (int k = si; k <= s.length(); k++) {
                    if (match(p, pi + 1, s, k, anchored)) {
                        return true;
                    }
                }
                return false;
            }
            if (si >= s.length() || s.charAt(si) != c) {
                return false;
            }
            pi++;
            si++;
        }
        return !anchored || si == s.length();
    }
}
