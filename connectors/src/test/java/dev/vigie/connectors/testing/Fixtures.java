package dev.vigie.connectors.testing;

/** Feed bodies this project writes, in the real formats, for loopback tests. */
public final class Fixtures {
    private Fixtures() {}

    /** An RSS 2.0 feed with {@code n} items whose links are relative and carry tracking parameters. */
    public static String rss(String title, int n) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<rss version=\"2.0\"><channel><title>" + title + "</title><link>https://news.example/</link>"
                + "<language>fr-FR</language><description>d</description>\n");
        for (int i = 1; i <= n; i++) {
            sb.append("<item><title>Article ")
                    .append(i)
                    .append(" — café</title>")
                    .append("<link>/articles/")
                    .append(i)
                    .append("?utm_source=rss&amp;id=")
                    .append(i)
                    .append("#comments</link>")
                    .append("<description><![CDATA[<p>Texte <b>")
                    .append(i)
                    .append("</b></p><script>alert(1)</script><style>p{}</style>]]></description>")
                    .append("<author>redaction@news.example (La Rédaction)</author>")
                    .append("<pubDate>Tue, 03 Jun 2025 0")
                    .append(i % 10)
                    .append(":00:00 +0200</pubDate></item>\n");
        }
        return sb.append("</channel></rss>\n").toString();
    }
}
