package dev.topowatch.server.alerts;

/** What the bot's commands read and do, answered as Telegram HTML with every value escaped. */
public interface BoardFacts {

    /**
     * Counts by status and the current roots with their casualties; for a {@code project} (null for
     * all), its entities and the roots that are in it or block it.
     */
    String summary(String project);

    /** One entity in human form, or why not. */
    String entity(String name);

    /** Mutes an entity's alerts for a duration such as {@code 1h}. */
    String mute(String name, String duration);

    String unmute(String name);
}
