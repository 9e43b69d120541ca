package dev.topowatch.topology.load;

import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.events.SequenceStartEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.parser.Parser;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The parser's events on their way to the composer, measured as they pass: the document's size with
 * every alias expanded (an alias of a 100,000-character value counts 100,000 characters each time it
 * is used, as it will in every answer that shows it), and its depth. Either past its bound stops the
 * parse at that event, before the composer builds anything more: a few kilobytes of aliases cannot
 * grow into gigabytes, and nesting cannot exhaust the composer's stack.
 */
final class BoundedEvents implements Parser {
    /** Why the document was refused, and where. */
    static final class Refused extends RuntimeException {
        private final transient Optional<Mark> at;

        Refused(String message, Optional<Mark> at) {
            super(message, null, false, false);
            this.at = at;
        }

        Optional<Mark> at() {
            return at;
        }
    }

    /** A collection whose end has not come yet, and the expanded size when it started. */
    private record Open(Optional<Anchor> anchor, long sizeAtStart) {
    }

    private final Parser parser;
    private final long maxExpandedSize;
    private final int maxDepth;
    private final Map<Anchor, Long> anchoredSizes = new HashMap<>();
    private final Deque<Open> open = new ArrayDeque<>();
    private long expandedSize;

    BoundedEvents(Parser parser, long maxExpandedSize, int maxDepth) {
        this.parser = parser;
        this.maxExpandedSize = maxExpandedSize;
        this.maxDepth = maxDepth;
    }

    @Override
    public boolean checkEvent(Event.ID id) {
        return parser.checkEvent(id);
    }

    @Override
    public Event peekEvent() {
        return parser.peekEvent();
    }

    @Override
    public boolean hasNext() {
        return parser.hasNext();
    }

    @Override
    public Event next() {
        var event = parser.next();
        switch (event) {
            case ScalarEvent scalar -> {
                var anchor = scalar.getAnchor();
                forget(anchor);
                grow(Math.max(1, scalar.getValue().length()), event);
                anchor.ifPresent(name -> anchoredSizes.put(name, (long) Math.max(1, scalar.getValue().length())));
            }
            case AliasEvent alias -> {
                var size = anchoredSizes.get(alias.getAlias());
                if (size == null) {
                    // Unknown anchors are the composer's to report; one still open is this alias inside itself.
                    if (open.stream().anyMatch(collection -> collection.anchor().equals(Optional.of(alias.getAlias())))) {
                        throw new Refused("YAML refused: alias *" + alias.getAlias().getValue() + " is used inside its own anchor: a structure"
                                + " that contains itself has no end", event.getStartMark());
                    }
                } else {
                    grow(size, event);
                }
            }
            case SequenceStartEvent start -> begin(start);
            case MappingStartEvent start -> begin(start);
            default -> {
                if (event.getEventId() == Event.ID.SequenceEnd || event.getEventId() == Event.ID.MappingEnd) {
                    var collection = open.pop();
                    collection.anchor().ifPresent(name -> anchoredSizes.put(name, expandedSize - collection.sizeAtStart()));
                }
            }
        }
        return event;
    }

    private void begin(NodeEvent start) {
        forget(start.getAnchor());
        if (open.size() >= maxDepth) {
            throw new Refused("YAML refused: nested deeper than " + maxDepth + " levels", start.getStartMark());
        }
        open.push(new Open(start.getAnchor(), expandedSize));
        grow(1, start);
    }

    /** An anchor defined again names the new node from here on; until that node ends, its size is unknown. */
    private void forget(Optional<Anchor> anchor) {
        anchor.ifPresent(anchoredSizes::remove);
    }

    private void grow(long size, Event at) {
        expandedSize += size;
        if (expandedSize > maxExpandedSize) {
            throw new Refused(YamlSource.tooLarge(), at.getStartMark());
        }
    }
}
