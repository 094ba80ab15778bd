package org.invigil.web.boundary;

import java.util.Map;

/**
 * The HTML shell of every server-rendered page: one stylesheet, no third-party resources, and nothing the page
 * needs from a cookie (pages run inside LMS iframes where third-party cookies are blocked).
 */
public final class Page {

    private Page() {
    }

    public static String render(String title, String body) {
        return render(title, body, "");
    }

    /** {@code body} and {@code head} are trusted HTML; everything user- or platform-supplied goes through {@link #escape}. */
    public static String render(String title, String body, String head) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="referrer" content="no-referrer">
                <title>%s · Invigil</title>
                <link rel="stylesheet" href="/static/invigil.css">
                %s
                </head>
                <body>
                <main>
                %s
                </main>
                </body>
                </html>
                """.formatted(escape(title), head, body);
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A page that submits a form at once, as LTI messages travel from tool to platform (and the reverse). */
    public static String autoPost(String title, String action, Map<String, String> fields) {
        StringBuilder inputs = new StringBuilder();
        fields.forEach((name, value) -> inputs.append("<input type=\"hidden\" name=\"").append(escape(name))
                .append("\" value=\"").append(escape(value)).append("\">\n"));
        String body = """
                <form id="autopost" method="post" action="%s">
                %s<noscript><p>JavaScript is off: press the button to continue.</p></noscript>
                <button type="submit">Continue</button>
                </form>
                <script>document.getElementById('autopost').submit();</script>
                """.formatted(escape(action), inputs);
        return render(title, body);
    }
}
