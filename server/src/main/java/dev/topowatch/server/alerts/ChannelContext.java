package dev.topowatch.server.alerts;

import okhttp3.OkHttpClient;

import java.time.Clock;

/**
 * What the board lends every channel it opens.
 *
 * @param boardUrl the board's public address ({@code board.url}) for links, without a trailing slash; null for none
 * @param http     the one HTTP client that webhooks of every kind share (no redirects followed, bounded timeouts)
 * @param pictures the picture of a root and its casualties, for a channel that shows one
 * @param board    the board's state and mutes, for a channel that answers commands
 * @param commands whether a chat answers commands from here: the top-level {@code alerts:} does; a
 *                 project's does not, so that one bot is never polled twice (Telegram refuses that)
 */
public record ChannelContext(Clock clock, String boardUrl, OkHttpClient http, AlertPictures pictures, BoardControl board,
                             boolean commands) {

    public ChannelContext {
        boardUrl = boardUrl == null || boardUrl.isBlank() ? null : boardUrl.replaceAll("/+$", "");
    }
}
