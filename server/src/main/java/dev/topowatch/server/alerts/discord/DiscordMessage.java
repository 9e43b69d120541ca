package dev.topowatch.server.alerts.discord;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.topowatch.server.alerts.Alert;
import dev.topowatch.server.alerts.Wording;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Alerts as a Discord message (posted by a {@link dev.topowatch.server.alerts.ChatWebhookChannel}): one embed per alert, its colour the status's (red down, amber
 * degraded, green recovered), values escaped for Discord's markdown, no mentions parsed (an error
 * text saying {@code @everyone} pings nobody). Discord takes ten embeds and 6,000 characters a
 * message: past {@link #EMBEDS} alerts the rest are named in the message's content.
 */
final class DiscordMessage {
    static final int EMBEDS = 9;
    static final int RED = 0xD32F2F;
    static final int AMBER = 0xF59E0B;
    static final int GREEN = 0x2E7D32;
    static final int PURPLE = 0x8E24AA;
    private static final int DESCRIPTION_LIMIT = 600;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String boardUrl;

    DiscordMessage(String boardUrl) {
        this.boardUrl = boardUrl;
    }

    byte[] json(List<Alert> alerts) {
        var message = JSON.createObjectNode();
        message.put("username", "topowatch");
        message.putObject("allowed_mentions").putArray("parse");
        var embeds = message.putArray("embeds");
        for (var alert : alerts.stream().limit(EMBEDS).toList()) {
            embed(embeds.addObject(), alert);
        }
        if (alerts.size() > EMBEDS) {
            var rest = alerts.subList(EMBEDS, alerts.size()).stream().map(Wording::headline).toList();
            message.put("content", escape("… and " + rest.size() + " more: " + String.join(", ", rest.stream().limit(20).toList())));
        }
        return message.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void embed(ObjectNode embed, Alert alert) {
        embed.put("title", Wording.headline(alert));
        var description = String.join("\n", Wording.details(alert).stream().map(DiscordMessage::escape).toList());
        embed.put("description", description.length() <= DESCRIPTION_LIMIT ? description : description.substring(0, DESCRIPTION_LIMIT - 1) + "…");
        embed.put("color", colour(alert));
        embed.put("timestamp", alert.at().toString());
        var link = Wording.link(boardUrl, alert.entity());
        if (link != null) {
            embed.put("url", link);
        }
    }

    static int colour(Alert alert) {
        return switch (alert.kind()) {
            case DOWN, OPEN_PROBLEMS -> RED;
            case DEGRADED, TOPOLOGY_INVALID -> AMBER;
            case RECOVERED -> GREEN;
            case FLAPPING -> PURPLE;
            case SETTLED -> switch (String.valueOf(alert.status())) {
                case "up" -> GREEN;
                case "degraded" -> AMBER;
                default -> RED;
            };
        };
    }

    /** Discord's markdown: a backslash before each character that would start or end formatting. */
    static String escape(String text) {
        var out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("\\*_~`|>#[]".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
