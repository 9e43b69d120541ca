package dev.topowatch.diagram.svg;

import dev.topowatch.diagram.layout.BoxSizer;
import dev.topowatch.topology.Entity;
import dev.topowatch.topology.check.DatabaseCheck;
import dev.topowatch.topology.check.HttpCheck;
import dev.topowatch.topology.check.RedisCheck;

import java.util.List;
import java.util.TreeSet;

/**
 * What a box shows and so how big it is: the name, the kind (and runtime), a status line, and one
 * line per extra value, those written in the topology and those its checks capture. Sized from the
 * topology alone, so a status change never needs a new layout.
 */
public final class BoxText implements BoxSizer {
    static final int MAX_EXTRA_LINES = 4;
    static final int MAX_LINE = 30;
    static final double CHARACTER = 7.0;
    static final double LINE = 15;
    static final double TOP = 20;

    /**
     * The extra keys a box has a line for: static ones and captured ones, sorted. At most four lines:
     * when there are more, three keys and a line saying how many more the tooltip holds.
     */
    public static List<String> extraKeys(Entity entity) {
        return shown(allExtraKeys(entity));
    }

    /** How many extra keys the box leaves to its tooltip (none, or at least two). */
    public static int hiddenExtras(Entity entity) {
        var keys = allExtraKeys(entity);
        return keys.size() - shown(keys).size();
    }

    private static List<String> shown(List<String> keys) {
        return keys.size() <= MAX_EXTRA_LINES ? keys : keys.subList(0, MAX_EXTRA_LINES - 1);
    }

    static String hiddenExtrasLine(int hidden) {
        return "+" + hidden + " more (hover)";
    }

    private static List<String> allExtraKeys(Entity entity) {
        var keys = new TreeSet<>(entity.extra().keySet());
        switch (entity.check()) {
            case HttpCheck http -> keys.addAll(http.capture().keySet());
            case DatabaseCheck database -> keys.addAll(database.capture().keySet());
            case RedisCheck redis -> keys.addAll(redis.capture().keySet());
            default -> { }
        }
        return List.copyOf(keys);
    }

    static String kindLine(Entity entity) {
        return entity.runtime() == null ? entity.type().yamlName() : entity.type().yamlName() + " · " + entity.runtime();
    }

    @Override
    public Size size(Entity entity) {
        int widest = Math.max(entity.name().length() + 2, Math.max(kindLine(entity).length(), 24));
        var all = allExtraKeys(entity);
        var shown = shown(all);
        for (var key : shown) {
            widest = Math.max(widest, Math.min(MAX_LINE, key.length() + 12));
        }
        double width = Math.max(150, Math.min(280, 20 + CHARACTER * Math.min(widest, 36)));
        int extraLines = shown.size() + (all.size() > shown.size() ? 1 : 0);
        double height = TOP + 2 * LINE + LINE * extraLines + 12;
        return new Size(width, height);
    }
}
