package dev.topowatch.server.alerts;

/**
 * Escaping for Telegram's HTML parse mode: the three characters it requires, plus quotes for
 * attributes. Not the diagram's {@code Xml.escape}: that also turns every apostrophe of an error into
 * {@code &#39;} and drops control characters, where a chat message keeps the text as it was.
 */
final class Html {
    private Html() {
    }

    static String escape(String text) {
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
