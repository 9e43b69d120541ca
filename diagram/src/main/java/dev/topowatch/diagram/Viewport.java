package dev.topowatch.diagram;

/**
 * The window a view is laid out for, in CSS pixels: the overview packs its tiles towards this shape
 * and sizes its text so that it is readable there.
 */
public record Viewport(int width, int height) {
    public static final Viewport DEFAULT = new Viewport(1400, 900);
    public static final int MIN = 200;
    public static final int MAX = 10_000;

    public Viewport {
        if (width < MIN || width > MAX || height < MIN || height > MAX) {
            throw new IllegalArgumentException("a viewport is " + MIN + " to " + MAX + " pixels wide and high, not "
                    + width + "x" + height);
        }
    }

    /** Rounded to 50 px, so that windows of nearly the same size share one cached layout. */
    public Viewport rounded() {
        return new Viewport(round(width), round(height));
    }

    private static int round(int pixels) {
        return Math.clamp(Math.round(pixels / 50f) * 50, MIN, MAX);
    }
}
