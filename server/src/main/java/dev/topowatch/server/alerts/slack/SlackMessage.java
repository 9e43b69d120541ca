package dev.topowatch.server.alerts.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.topowatch.server.alerts.Alert;
import dev.topowatch.server.alerts.Wording;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Alerts as a Slack message (posted by a {@link dev.topowatch.server.alerts.ChatWebhookChannel}): {@code text} for notifications and clients without blocks, and one
 * Block Kit {@code section} in mrkdwn per alert, its values escaped as Slack asks ({@code & < >}).
 * Slack takes at most 50 blocks and 3,000 characters a section: past {@link #SECTIONS} alerts the
 * rest are named in one line.
 */
final class SlackMessage {
    static final int SECTIONS = 20;
    private static final int SECTION_LIMIT = 3000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String boardUrl;

    SlackMessage(String boardUrl) {
        this.boardUrl = boardUrl;
    }

    byte[] json(List<Alert> alerts) {
        var message = JSON.createObjectNode();
        message.put("text", Wording.summary(alerts));
        var blocks = message.putArray("blocks");
        for (var alert : alerts.stream().limit(SECTIONS).toList()) {
            section(blocks.addObject(), alert);
        }
        if (alerts.size() > SECTIONS) {
            var rest = alerts.subList(SECTIONS, alerts.size()).stream().map(Wording::headline).toList();
            var context = blocks.addObject().put("type", "context");
            context.putArray("elements").addObject().put("type", "mrkdwn")
                    .put("text", cut(escape("… and " + rest.size() + " more: " + String.join(", ", rest))));
        }
        return message.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void section(ObjectNode block, Alert alert) {
        var text = new StringBuilder(icon(alert)).append(" *").append(escape(Wording.headline(alert))).append('*');
        for (var line : Wording.details(alert)) {
            text.append('\n').append(escape(line));
        }
        var link = Wording.link(boardUrl, alert.entity());
        if (link != null) {
            text.append("\n<").append(escape(link)).append("|Open the board>");
        }
        block.put("type", "section").putObject("text").put("type", "mrkdwn").put("text", cut(text.toString()));
    }

    static String icon(Alert alert) {
        return switch (alert.kind()) {
            case DOWN, OPEN_PROBLEMS -> ":red_circle:";
            case RECOVERED -> ":white_check_mark:";
            case DEGRADED -> ":large_orange_circle:";
            case FLAPPING -> ":repeat:";
            case SETTLED -> ":heavy_equals_sign:";
            case TOPOLOGY_INVALID -> ":warning:";
        };
    }

    /** Slack's mrkdwn treats these three as markup; everything else is shown as written. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String cut(String text) {
        return text.length() <= SECTION_LIMIT ? text : text.substring(0, SECTION_LIMIT - 1) + "…";
    }
}
