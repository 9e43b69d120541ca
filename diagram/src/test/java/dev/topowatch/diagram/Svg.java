package dev.topowatch.diagram;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Parses SVG the strict way a browser's XML parser would, with external entities off. */
final class Svg {

    private Svg() {
    }

    static Document parse(String svg) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        var builder = factory.newDocumentBuilder();
        builder.setErrorHandler(null);
        return builder.parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    static List<Element> elements(Document document, String tag) {
        var nodes = document.getElementsByTagNameNS("*", tag);
        var elements = new ArrayList<Element>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    static List<Element> all(Document document) {
        return elements(document, "*");
    }

    static Element byEntity(Document document, String entity) {
        return elements(document, "g").stream()
                .filter(element -> element.getAttribute("data-entity").equals(entity))
                .findFirst().orElseThrow(() -> new AssertionError("no element for " + entity));
    }
}
