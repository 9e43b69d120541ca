package dev.topowatch.diagram.png;

import com.github.weisj.jsvg.parser.DocumentLimits;
import com.github.weisj.jsvg.parser.LoaderContext;
import com.github.weisj.jsvg.parser.SVGLoader;
import com.github.weisj.jsvg.view.ViewBox;
import dev.topowatch.diagram.Xml;
import org.w3c.dom.Document;

import javax.imageio.ImageIO;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Our own SVG as a PNG, in pure Java: for chat alerts and wikis that take no SVG, with no browser and
 * nothing native to install. JSVG (com.github.weisj:jsvg) draws it: one small jar with no
 * dependencies, fast, and maintained; Batik would bring a dozen jars for a full CSS engine that
 * {@link CssInliner} makes unnecessary for the style sheet we write ourselves.
 */
public final class PngRenderer {
    /**
     * JSVG refuses documents of more than 2,000 drawn shapes by default, a guard for SVG from strangers;
     * ours is our own, as large as the topology, and 10,000 entities draw tens of thousands.
     */
    private static final LoaderContext LOADER = LoaderContext.builder()
            .documentLimits(new DocumentLimits(DocumentLimits.DEFAULT_MAX_NESTING_DEPTH, DocumentLimits.DEFAULT_MAX_USE_NESTING_DEPTH, 1_000_000))
            .build();

    private PngRenderer() {
    }

    /**
     * {@code svg} drawn to fit within {@code maxWidth} x {@code maxHeight} pixels, keeping its shape, at
     * most at twice its own size.
     */
    public static byte[] render(String svg, int maxWidth, int maxHeight) {
        var inlined = inlined(svg);
        var document = new SVGLoader().load(new ByteArrayInputStream(inlined), null, LOADER);
        if (document == null) {
            throw new IllegalArgumentException("the diagram could not be read as SVG");
        }
        var size = document.size();
        double scale = Math.min(2, Math.min(maxWidth / size.width, maxHeight / size.height));
        int width = Math.max(1, (int) Math.round(size.width * scale));
        int height = Math.max(1, (int) Math.round(size.height * scale));
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        var graphics = image.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            graphics.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            document.render((java.awt.Component) null, graphics, new ViewBox(0, 0, width, height));
        } finally {
            graphics.dispose();
        }
        var png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        return png.toByteArray();
    }

    private static byte[] inlined(String svg) {
        try {
            Document document = Xml.parse(svg);
            CssInliner.inline(document);
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            var out = new ByteArrayOutputStream(svg.length() * 2);
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (Exception failed) {
            throw new IllegalArgumentException("the diagram is not well-formed SVG: " + failed.getMessage(), failed);
        }
    }
}
