package dev.topowatch.topology.load;

/**
 * Text fit for one line of a log or an error shown on a page: nothing in it can end the line, hide
 * itself, or turn the text around. Control characters (tabs and line breaks too), line and paragraph
 * separators, and the invisible formatting characters (among them the bidirectional overrides such as
 * U+202E, which make {@code txt.exe} of {@code exe.txt}) are written as {@code \}{@code uXXXX}.
 * Joiners that emoji and some scripts need to draw correctly (U+200C, U+200D) stay.
 */
public final class Printable {

    private Printable() {
    }

    public static String line(String text) {
        if (text == null) {
            return "";
        }
        if (text.codePoints().noneMatch(Printable::hidden)) {
            return text;
        }
        var shown = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(codePoint -> {
            if (hidden(codePoint)) {
                shown.append(String.format("\\u%04x", codePoint));
            } else {
                shown.appendCodePoint(codePoint);
            }
        });
        return shown.toString();
    }

    /** Whether {@code codePoint} would be invisible, break the line, or change the direction of what follows. */
    public static boolean hidden(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
            case Character.FORMAT -> codePoint != 0x200C && codePoint != 0x200D;
            default -> false;
        };
    }
}
