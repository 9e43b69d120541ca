package dev.topowatch.diagram;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.List;

/** Reading the SVG a test drew. */
final class Svg {

    private Svg() {
    }

    static Document parse(String svg) throws Exception {
        return Xml.parse(svg);
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
