package dev.topowatch.diagram.png;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies the diagram's own style sheet to every element as a {@code style} attribute, so that a
 * renderer without CSS selectors (JSVG understands single class selectors only) paints what a browser
 * does. Knows exactly the selectors our {@code Theme} writes: descendant chains of compounds made of an
 * optional tag and classes; declarations win by specificity, then by order, then inline style.
 */
final class CssInliner {
    /** Geometry that SVG 2 allows in CSS but older renderers only read as attributes. */
    private static final Set<String> AS_ATTRIBUTES = Set.of("rx");

    private record Compound(String tag, List<String> classes) {
        boolean matches(Element element, Map<Element, Set<String>> classCache) {
            if (tag != null && !tag.equals(element.getLocalName() == null ? element.getTagName() : element.getLocalName())) {
                return false;
            }
            return classes.isEmpty() || classCache.computeIfAbsent(element, CssInliner::classes).containsAll(classes);
        }
    }

    private record Rule(List<Compound> chain, int specificity, int order, Map<String, String> declarations) {
        boolean matches(Element element, Map<Element, Set<String>> classCache) {
            if (!chain.getLast().matches(element, classCache)) {
                return false;
            }
            Node ancestor = element.getParentNode();
            for (int i = chain.size() - 2; i >= 0; i--) {
                while (ancestor instanceof Element candidate && !chain.get(i).matches(candidate, classCache)) {
                    ancestor = ancestor.getParentNode();
                }
                if (!(ancestor instanceof Element)) {
                    return false;
                }
                ancestor = ancestor.getParentNode();
            }
            return true;
        }
    }

    private CssInliner() {
    }

    /** Moves every {@code <style>} of {@code document} onto its elements and removes the style elements. */
    static void inline(Document document) {
        var styles = document.getElementsByTagNameNS("*", "style");
        var rules = new ArrayList<Rule>();
        while (styles.getLength() > 0) {
            var style = styles.item(0);
            rules.addAll(parse(style.getTextContent(), rules.size()));
            style.getParentNode().removeChild(style);
        }
        rules.sort(Comparator.comparingInt(Rule::specificity).thenComparingInt(Rule::order));
        apply(document.getDocumentElement(), rules, new IdentityHashMap<>());
    }

    /** An element's classes, read once per element: every rule asks, and ancestors are asked again for each descendant. */
    private static Set<String> classes(Element element) {
        var classes = new HashSet<String>();
        for (var name : element.getAttribute("class").split(" ")) {
            if (!name.isBlank()) {
                classes.add(name.strip());
            }
        }
        return classes;
    }

    private static void apply(Element element, List<Rule> rules, Map<Element, Set<String>> classCache) {
        var computed = new LinkedHashMap<String, String>();
        for (var rule : rules) {
            if (rule.matches(element, classCache)) {
                computed.putAll(rule.declarations());
            }
        }
        computed.putAll(declarations(element.getAttribute("style")));
        for (var property : AS_ATTRIBUTES) {
            var value = computed.remove(property);
            if (value != null) {
                element.setAttribute(property, value);
            }
        }
        if (!computed.isEmpty()) {
            var style = new StringBuilder();
            computed.forEach((property, value) -> style.append(property).append(':').append(value).append(';'));
            element.setAttribute("style", style.toString());
        }
        for (var child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                apply(childElement, rules, classCache);
            }
        }
    }

    private static List<Rule> parse(String css, int firstOrder) {
        var rules = new ArrayList<Rule>();
        int order = firstOrder;
        for (var block : css.split("}")) {
            int open = block.indexOf('{');
            if (open < 0) {
                continue;
            }
            var declarations = declarations(block.substring(open + 1));
            for (var selector : block.substring(0, open).split(",")) {
                var chain = Arrays.stream(selector.trim().split("\\s+")).filter(part -> !part.isEmpty()).map(CssInliner::compound).toList();
                if (!chain.isEmpty()) {
                    int specificity = chain.stream().mapToInt(compound -> compound.classes().size() * 10 + (compound.tag() == null ? 0 : 1)).sum();
                    rules.add(new Rule(chain, specificity, order++, declarations));
                }
            }
        }
        return rules;
    }

    private static Compound compound(String text) {
        var parts = text.split("\\.");
        var tag = parts[0].isEmpty() ? null : parts[0];
        return new Compound(tag, List.of(Arrays.copyOfRange(parts, 1, parts.length)));
    }

    private static Map<String, String> declarations(String text) {
        var declarations = new LinkedHashMap<String, String>();
        for (var declaration : text.split(";")) {
            int colon = declaration.indexOf(':');
            if (colon > 0) {
                declarations.put(declaration.substring(0, colon).trim(), declaration.substring(colon + 1).trim());
            }
        }
        return declarations;
    }
}
