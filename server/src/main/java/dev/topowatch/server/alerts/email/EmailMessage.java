package dev.topowatch.server.alerts.email;

import dev.topowatch.server.alerts.Alert;
import dev.topowatch.server.alerts.Html;
import dev.topowatch.server.alerts.Wording;

import java.util.List;

/**
 * Alerts as an e-mail: a subject naming the root (or the first alerts of a group), a plain-text part
 * and an HTML part saying the same, every value escaped in the HTML.
 */
final class EmailMessage {
    private static final int SUBJECT_LIMIT = 200;

    private final String boardUrl;

    EmailMessage(String boardUrl) {
        this.boardUrl = boardUrl;
    }

    String subject(List<Alert> alerts) {
        var subject = "[topowatch] " + Wording.summary(alerts);
        return subject.length() <= SUBJECT_LIMIT ? subject : subject.substring(0, SUBJECT_LIMIT - 1) + "…";
    }

    String text(List<Alert> alerts) {
        var text = new StringBuilder();
        for (var alert : alerts) {
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            text.append(Wording.headline(alert));
            Wording.details(alert).forEach(line -> text.append('\n').append(line));
            var link = Wording.link(boardUrl, alert.entity());
            if (link != null) {
                text.append('\n').append(link);
            }
        }
        return text.append('\n').toString();
    }

    String html(List<Alert> alerts) {
        var html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">");
        for (var alert : alerts) {
            html.append("<h3 style=\"color:").append(colour(alert)).append("\">").append(Html.escape(Wording.headline(alert))).append("</h3><p>");
            html.append(String.join("<br>", Wording.details(alert).stream().map(Html::escape).toList()));
            var link = Wording.link(boardUrl, alert.entity());
            if (link != null) {
                html.append("<br><a href=\"").append(Html.escape(link)).append("\">Open the board</a>");
            }
            html.append("</p>");
        }
        return html.append("</body></html>").toString();
    }

    private static String colour(Alert alert) {
        return switch (alert.kind()) {
            case DOWN, OPEN_PROBLEMS -> "#d32f2f";
            case DEGRADED, TOPOLOGY_INVALID -> "#b26a00";
            case RECOVERED -> "#2e7d32";
            case FLAPPING, SETTLED -> "#6a1b9a";
        };
    }
}
