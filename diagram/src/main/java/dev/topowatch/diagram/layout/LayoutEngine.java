package dev.topowatch.diagram.layout;

/** Places the boxes and routes the edges of a graph. Engines are slow; callers cache what they return. */
public interface LayoutEngine {

    String name();

    Layout layout(DiagramGraph graph);
}
