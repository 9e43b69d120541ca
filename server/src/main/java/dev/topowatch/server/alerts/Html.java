package dev.topowatch.server.alerts;

/**
 * Escaping for the HTML of a chat message or an e-mail: the three characters Telegram's HTML parse
 * mode requires, plus double quotes for attributes (which are always written in double quotes). Not
 * the diagram's {@code Xml.escape}: that also turns every apostrophe of an error into {@code &#39;}
 * and drops control characters, where a message keeps the text as it was.
 */
public final class Html {
    private Html() {
    }

    public static String escape(String text) {
        var out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\u0000' -> out.append('\uFFFD');
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
