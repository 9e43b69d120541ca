package dev.topowatch.topology.load;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The file's bytes as text, or where the first byte that is not UTF-8 stands. */
final class Utf8Text {

    private Utf8Text() {
    }

    /** The text; empty after an error at the line and column of the first malformed byte. */
    static Optional<String> decode(byte[] bytes, Problems problems) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        var in = ByteBuffer.wrap(bytes);
        var out = CharBuffer.allocate(bytes.length);
        var result = decoder.decode(in, out, true);
        if (result.isError()) {
            var before = out.flip().toString();
            int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
            int column = before.length() - before.lastIndexOf('\n');
            problems.error(line, column, String.format("the file is not UTF-8 text: byte 0x%02X at offset %d cannot start or"
                    + " continue a character (save it as UTF-8)", bytes[in.position()] & 0xFF, in.position()));
            return Optional.empty();
        }
        decoder.flush(out);
        return Optional.of(out.flip().toString());
    }
}
