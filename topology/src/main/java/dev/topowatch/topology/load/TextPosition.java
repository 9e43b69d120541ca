package dev.topowatch.topology.load;

/** A 1-based line and column in the text, for the few errors that come as an offset instead of a mark. */
record TextPosition(int line, int column) {

    /** Where the {@code index}-th code point stands. */
    static TextPosition ofCodePoint(String text, int index) {
        int line = 1;
        int column = 1;
        int seen = 0;
        for (int at = 0; at < text.length() && seen < index; at += Character.charCount(text.codePointAt(at)), seen++) {
            if (text.charAt(at) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new TextPosition(line, column);
    }

    /** The first line that starts with {@code prefix}, at its first column; line 1 when none does. */
    static TextPosition ofLineStarting(String text, String prefix) {
        var lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(prefix)) {
                return new TextPosition(i + 1, 1);
            }
        }
        return new TextPosition(1, 1);
    }
}
