package dev.topowatch.diagram.svg;

import java.util.ArrayList;
import java.util.List;

/** Builds an {@link SvgTemplate}: literal text appended as it comes, holes kept as parts of their own. */
public final class SvgWriter {
    private final List<Object> parts = new ArrayList<>();
    private final StringBuilder literal = new StringBuilder();

    public SvgWriter text(String text) {
        literal.append(text);
        return this;
    }

    public SvgWriter text(char character) {
        literal.append(character);
        return this;
    }

    /** A number in the fixed format every coordinate uses. */
    public SvgWriter number(double value) {
        literal.append(SvgWriter.format(value));
        return this;
    }

    /** {@code name="value"} with a leading space; the value escaped. */
    public SvgWriter attribute(String name, String value) {
        literal.append(' ').append(name).append("=\"").append(dev.topowatch.diagram.Xml.escape(value)).append('"');
        return this;
    }

    /** {@code name="number"} with a leading space. */
    public SvgWriter attribute(String name, double value) {
        literal.append(' ').append(name).append("=\"").append(format(value)).append('"');
        return this;
    }

    public SvgWriter hole(SvgTemplate.Hole hole) {
        flush();
        parts.add(hole);
        return this;
    }

    public SvgTemplate finish() {
        flush();
        return new SvgTemplate(parts);
    }

    private void flush() {
        if (!literal.isEmpty()) {
            parts.add(literal.toString());
            literal.setLength(0);
        }
    }

    /**
     * One decimal, locale-independent, so that the same layout always writes the same bytes. By hand,
     * not String.format: a 10,000-entity overview writes tens of thousands of numbers per render.
     */
    public static String format(double value) {
        long tenths = Double.isFinite(value) ? Math.round(value * 10) : 0;
        long whole = Math.abs(tenths);
        return (tenths < 0 ? "-" : "") + whole / 10 + "." + whole % 10;
    }
}
