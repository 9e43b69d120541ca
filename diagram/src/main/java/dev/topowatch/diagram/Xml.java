package dev.topowatch.diagram;

/**
 * Makes any text safe inside SVG: characters XML 1.0 forbids are dropped (a strict parser would refuse
 * the whole document), markup characters escaped, and long texts cut by code point so that a
 * surrogate pair is never split.
 */
public final class Xml {

    private Xml() {
    }

    /** Text content or an attribute value: everything that could end either is escaped. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        var escaped = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(codePoint -> {
            switch (codePoint) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> {
                    if (allowed(codePoint)) {
                        escaped.appendCodePoint(codePoint);
                    }
                }
            }
        });
        return escaped.toString();
    }

    /** At most {@code limit} code points, with an ellipsis when cut. */
    public static String shorten(String text, int limit) {
        if (text == null) {
            return "";
        }
        var flat = text.replaceAll("[\\r\\n\\t]+", " ");
        if (flat.codePointCount(0, flat.length()) <= limit) {
            return flat;
        }
        return flat.substring(0, flat.offsetByCodePoints(0, limit - 1)) + "…";
    }

    /**
     * Parses SVG the strict way a browser's XML parser would, with doctypes (and so external
     * entities) refused.
     */
    public static org.w3c.dom.Document parse(String xml) throws javax.xml.parsers.ParserConfigurationException,
            org.xml.sax.SAXException, java.io.IOException {
        var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(javax.xml.XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        var builder = factory.newDocumentBuilder();
        builder.setErrorHandler(null);
        return builder.parse(new java.io.ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** XML 1.0's Char production, minus the bidirectional overrides that could reorder the text around it. */
    private static boolean allowed(int codePoint) {
        boolean xml = codePoint == 0x9 || codePoint == 0xA || codePoint == 0xD
                || (codePoint >= 0x20 && codePoint <= 0xD7FF)
                || (codePoint >= 0xE000 && codePoint <= 0xFFFD)
                || (codePoint >= 0x10000 && codePoint <= 0x10FFFF);
        boolean bidiOverride = (codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2066 && codePoint <= 0x2069);
        return xml && !bidiOverride;
    }
}
