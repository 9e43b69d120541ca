package dev.topowatch.server.testing;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** A {@code multipart/form-data} body taken apart, as a server receiving an upload (Telegram's sendPhoto) reads it. */
public final class MultipartForm {

    /** One field: its file name when it is a file, and its bytes. */
    public record Part(String filename, byte[] content) {
        public String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    private MultipartForm() {
    }

    /** The parts by field name; empty when {@code contentType} is not multipart. */
    public static Map<String, Part> parse(String contentType, byte[] body) {
        var parts = new LinkedHashMap<String, Part>();
        var marker = "boundary=";
        if (contentType == null || !contentType.startsWith("multipart/form-data") || !contentType.contains(marker)) {
            return parts;
        }
        var boundary = ("--" + contentType.substring(contentType.indexOf(marker) + marker.length()).replace("\"", "").strip())
                .getBytes(StandardCharsets.ISO_8859_1);
        int at = indexOf(body, boundary, 0);
        while (at >= 0) {
            int start = at + boundary.length;
            if (start + 2 <= body.length && body[start] == '-' && body[start + 1] == '-') {
                break;
            }
            start += 2;
            int next = indexOf(body, boundary, start);
            if (next < 0) {
                break;
            }
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
            var headers = new String(body, start, headersEnd - start, StandardCharsets.ISO_8859_1);
            var content = Arrays.copyOfRange(body, headersEnd + 4, next - 2);
            parts.put(attribute(headers, "name"), new Part(attribute(headers, "filename"), content));
            at = next;
        }
        return parts;
    }

    private static String attribute(String headers, String name) {
        var key = "; " + name + "=\"";
        int at = headers.indexOf(key);
        return at < 0 ? null : headers.substring(at + key.length(), headers.indexOf('"', at + key.length()));
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
