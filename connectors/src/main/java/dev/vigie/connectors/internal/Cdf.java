package dev.vigie.connectors.internal;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Microsoft's Channel Definition Format ({@code <CHANNEL HREF><TITLE><ABSTRACT><ITEM>}), which Rome does not read
 * and old sites still serve: mapped onto Rome's feed model so that it goes through the same entry mapping.
 */
public final class Cdf {
    private Cdf() {}

    /** Whether the document's root element is a CDF channel. */
    public static boolean looksLikeCdf(String xml) {
        int i = rootStart(xml);
        return i >= 0 && xml.regionMatches(true, i, "<CHANNEL", 0, 8);
    }

    /** Index of the root element's start tag, or -1. */
    public static int rootStart(String xml) {
        int i = 0;
        while (i < xml.length()) {
            int lt = xml.indexOf('<', i);
            if (lt < 0 || lt + 1 >= xml.length()) {
                return -1;
            }
            char next = xml.charAt(lt + 1);
            if (next == '?') {
                int e = xml.indexOf("?>", lt);
                i = e < 0 ? xml.length() : e + 2;
            } else if (xml.startsWith("<!--", lt)) {
                int e = xml.indexOf("-->", lt);
                i = e < 0 ? xml.length() : e + 3;
            } else if (next == '!') {
                int e = xml.indexOf('>', lt);
                i = e < 0 ? xml.length() : e + 1;
            } else {
                return lt;
            }
        }
        return -1;
    }

    public static SyndFeed parse(String xml) {
        Document doc = Jsoup.parse(xml, "", Parser.xmlParser());
        Element channel = doc.selectFirst("CHANNEL, channel");
        SyndFeedImpl feed = new SyndFeedImpl();
        feed.setFeedType("cdf");
        if (channel == null) {
            return feed;
        }
        String base = channel.attr("BASE");
        feed.setTitle(childText(channel, "TITLE"));
        feed.setLink(channel.hasAttr("HREF") ? channel.attr("HREF") : null);
        feed.setDescription(childText(channel, "ABSTRACT"));
        feed.setPublishedDate(date(channel.attr("LASTMOD")));
        List<SyndEntry> entries = new ArrayList<>();
        for (Element item : channel.children()) {
            if (!item.tagName().equalsIgnoreCase("ITEM")) {
                continue;
            }
            SyndEntryImpl e = new SyndEntryImpl();
            e.setTitle(childText(item, "TITLE"));
            String href = item.attr("HREF");
            if (!href.isBlank()) {
                e.setLink(base.isBlank() ? href : resolve(base, href));
            }
            String abs = childText(item, "ABSTRACT");
            if (abs != null) {
                SyndContent c = new SyndContentImpl();
                c.setType("text/plain");
                c.setValue(abs);
                e.setDescription(c);
            }
            e.setPublishedDate(date(item.attr("LASTMOD")));
            entries.add(e);
        }
        feed.setEntries(entries);
        return feed;
    }

    private static String resolve(String base, String href) {
        try {
            return URI.create(base.strip()).resolve(href.strip()).toString();
        } catch (IllegalArgumentException e) {
            return href;
        }
    }

    private static String childText(Element parent, String name) {
        for (Element c : parent.children()) {
            if (c.tagName().equalsIgnoreCase(name)) {
                String t = c.text();
                return t.isBlank() ? null : t;
            }
        }
        return null;
    }

    private static Date date(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Date.from(OffsetDateTime.parse(s.strip()).toInstant());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
