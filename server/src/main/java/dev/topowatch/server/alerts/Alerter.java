package dev.topowatch.server.alerts;

import dev.topowatch.server.alerts.telegram.BotCommands;
import dev.topowatch.server.alerts.telegram.TelegramApi;
import dev.topowatch.server.alerts.telegram.TelegramChannel;
import dev.topowatch.server.alerts.webhook.WebhookChannel;
import dev.topowatch.server.store.OutboxMessage;
import dev.topowatch.server.store.Store;
import dev.topowatch.topology.AlertEvent;
import dev.topowatch.topology.Alerts;
import dev.topowatch.topology.Entity;
import dev.topowatch.topology.StatusSnapshot;
import dev.topowatch.topology.Topology;
import dev.topowatch.topology.graph.ImpactReport;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Alerting, wired: the rules that decide (called by the engine), one worker per channel that
 * delivers from the outbox, and the Telegram bot's commands. Reconfigured when a reload changes the
 * {@code alerts:} section; an invalid topology file is told to every channel once per distinct set
 * of errors.
 */
public final class Alerter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Alerter.class);

    private final Store store;
    private final Clock clock;
    private final Backoff backoff;
    private final Supplier<StatusSnapshot> snapshot;
    private final Supplier<ImpactReport> impact;
    private final AlertRules rules;
    private final AlertPictures pictures;
    private final OkHttpClient webhookHttp;
    private List<ChannelWorker> workers = List.of();
    private TelegramApi telegram;
    private BotCommands commands;
    private volatile Topology topology;
    private final List<TelegramApi> projectTelegrams = new ArrayList<>();
    private volatile ProjectRouting routing = ProjectRouting.EVERYTHING;
    private Alerts configured;
    private Map<String, Alerts> configuredProjects = Map.of();
    private String configuredUrl;
    private List<String> lastTopologyErrors = List.of();

    /** @param pictures the picture a root-cause alert carries to a chat (when one can be made) */
    public Alerter(Store store, Clock clock, Backoff backoff, Supplier<StatusSnapshot> snapshot, Supplier<ImpactReport> impact,
                   AlertPictures pictures) {
        this.store = store;
        this.pictures = pictures;
        this.clock = clock;
        this.backoff = backoff;
        this.snapshot = snapshot;
        this.impact = impact;
        this.rules = new AlertRules(store);
        this.webhookHttp = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .callTimeout(Duration.ofSeconds(20))
                .followRedirects(false)
                .build();
        store.onAlertsWritten(this::wakeAll);
    }

    /** What the engine calls with every transition. */
    public AlertRules rules() {
        return rules;
    }

    /**
     * Starts, or restarts after a change of {@code alerts:} (the top level's or a project's) or
     * {@code board.url}, the channels of this topology.
     */
    public synchronized void configure(Topology topology) {
        this.topology = topology;
        var alerts = topology.alerts();
        var url = topology.board().url() == null ? null : topology.board().url().value();
        if (alerts.equals(configured) && topology.projectAlerts().equals(configuredProjects) && Objects.equals(url, configuredUrl)) {
            return;
        }
        boolean running = configured != null;
        var before = workers.stream().map(worker -> worker.channel().key()).collect(Collectors.toSet());
        stopChannels();
        configured = alerts;
        configuredProjects = topology.projectAlerts();
        configuredUrl = url;
        var routed = new ProjectRouting.Builder();
        if (alerts.telegram() != null) {
            telegram = new TelegramApi(alerts.telegram());
            var chats = alerts.telegram().chatIds().stream().map(chat -> chat.contains("/") ? chat.substring(0, chat.indexOf('/')) : chat)
                    .collect(Collectors.toSet());
            commands = new BotCommands(telegram, chats, new Facts(this, snapshot, impact, () -> this.topology, clock));
        }
        channels(alerts, telegram, url).forEach(channel -> routed.everything(channel, alerts.groupWindow()));
        configuredProjects.forEach((project, own) -> {
            // A project's bot only sends: one getUpdates poller per bot, and the top level's answers the commands.
            var api = own.telegram() == null ? null : new TelegramApi(own.telegram());
            if (api != null) {
                projectTelegrams.add(api);
            }
            channels(own, api, url).forEach(channel -> routed.project(project, channel, own.groupWindow()));
        });
        var channels = routed.channels();
        rules.setChannels(channels, alerts.groupWindow());
        routing = routed.routing(this::projectOf);
        rules.setRouting(routing);
        var started = new ArrayList<ChannelWorker>();
        for (var channel : channels) {
            started.add(new ChannelWorker(channel, store, clock, routed.groupWindow(channel), backoff, new Review()));
        }
        workers = List.copyOf(started);
        if (!channels.isEmpty()) {
            LOG.info("alerts to {}", channels.stream().map(Channel::displayName).collect(Collectors.joining(", ")));
        }
        if (running) {
            tellWhatIsOpen(topology, channels.stream().filter(channel -> !before.contains(channel.key())).toList());
        }
    }

    /** The channels of one {@code alerts:} section: a chat per Telegram chat id, then its webhooks. */
    private List<Channel> channels(Alerts alerts, TelegramApi api, String url) {
        var text = new MessageText(alerts.templates(), url);
        var channels = new ArrayList<Channel>();
        if (alerts.telegram() != null) {
            var wants = kinds(alerts.telegram().on());
            for (var chat : alerts.telegram().chatIds()) {
                channels.add(new TelegramChannel(api, chat, wants, text, pictures));
            }
        }
        for (var webhook : alerts.webhooks()) {
            channels.add(new WebhookChannel(webhookHttp, webhook, kinds(webhook.on()), url, clock));
        }
        return channels;
    }

    /** The project of an entity of the topology running now; null for none. */
    private String projectOf(String entity) {
        var current = topology;
        return current == null ? null : current.entity(entity).map(Entity::project).orElse(null);
    }

    /**
     * A channel added by an edit of a running board's file did not hear of the problems already open:
     * it is told them once, in one summary (kept in the outbox like any alert), and then hears of
     * their recoveries as the others do.
     */
    private void tellWhatIsOpen(Topology topology, List<Channel> added) {
        if (added.isEmpty()) {
            return;
        }
        var now = clock.instant();
        var problems = new OpenProblems(rules, snapshot.get(), impact.get()).at(topology, now);
        var rows = new ArrayList<OutboxMessage>();
        for (var channel : added) {
            var told = problems.stream().filter(problem -> AlertRules.wants(channel, problem.kind(), null)
                    && routing.hears(channel.key(), problem.entity())).toList();
            if (!told.isEmpty()) {
                rows.add(OutboxMessage.of(channel.key(), AlertKind.OPEN_PROBLEMS.wireName(), null, now,
                        AlertCodec.encode(Alert.openProblems(now, told))));
            }
        }
        store.recordAlerts(rows);
    }

    /**
     * The topology file on disk is invalid (or valid again, when {@code errors} is empty): every
     * channel is told once per distinct set of errors.
     */
    public synchronized void topologyErrors(List<String> errors) {
        if (errors.equals(lastTopologyErrors)) {
            return;
        }
        lastTopologyErrors = List.copyOf(errors);
        if (errors.isEmpty()) {
            return;
        }
        var now = clock.instant();
        var alert = new Alert(AlertKind.TOPOLOGY_INVALID, null, null, null, null, now, now, null, List.of(), null, 0, errors, List.of());
        var body = AlertCodec.encode(alert);
        store.recordAlerts(workers.stream()
                .filter(worker -> routing.hears(worker.channel().key(), null))
                .map(worker -> OutboxMessage.of(worker.channel().key(), AlertKind.TOPOLOGY_INVALID.wireName(), null, now, body)).toList());
    }

    /** Undelivered alerts by channel name, for the summary; channels no longer configured under their key. */
    public synchronized Map<String, Long> undelivered() {
        var names = workers.stream().collect(Collectors.toMap(worker -> worker.channel().key(), worker -> worker.channel().displayName()));
        var counts = new LinkedHashMap<String, Long>();
        store.undeliveredAlerts().forEach((key, count) -> counts.merge(names.getOrDefault(key, key), count, Long::sum));
        return counts;
    }

    void mute(String entity, Instant until) {
        rules.mute(entity, until);
        store.mute(entity, until);
    }

    /** What a worker asks before it sends. */
    private final class Review implements ChannelWorker.Review {
        @Override
        public Alert refresh(Alert alert) {
            return Alerter.this.refresh(alert);
        }

        @Override
        public String superseded(Channel channel, long id, Alert alert) {
            if (rules.isRetracted(alert)) {
                return "turned out a casualty of " + String.join(", ", impact.get().impact(alert.entity()).rootCause());
            }
            if (alert.kind() == AlertKind.RECOVERED && store.lastProblemSuperseded(channel.key(), alert.entity(), id)) {
                return "its down alert was superseded";
            }
            return null;
        }

        @Override
        public boolean ongoing(Alert alert) {
            return rules.isOngoing(alert);
        }
    }

    /**
     * A down alert lists what its root blocks when it is sent, not what it blocked when it was decided;
     * so does each outage of a summary that is still going on.
     */
    private Alert refresh(Alert alert) {
        if (alert.kind() == AlertKind.OPEN_PROBLEMS) {
            return alert.withProblems(alert.problems().stream()
                    .map(problem -> rules.isOngoing(problem) ? refresh(problem) : problem).toList());
        }
        if (alert.kind() != AlertKind.DOWN || alert.entity() == null) {
            return alert;
        }
        var now = impact.get();
        if (!now.roots().contains(alert.entity())) {
            return alert;
        }
        return alert.withCasualties(List.copyOf(now.casualtiesOf(alert.entity())));
    }

    private void wakeAll() {
        workers.forEach(ChannelWorker::wake);
    }

    private static Set<AlertKind> kinds(Set<AlertEvent> events) {
        var kinds = EnumSet.noneOf(AlertKind.class);
        for (var event : events) {
            kinds.add(switch (event) {
                case DOWN -> AlertKind.DOWN;
                case RECOVERED -> AlertKind.RECOVERED;
                case DEGRADED -> AlertKind.DEGRADED;
            });
        }
        return kinds;
    }

    private void stopChannels() {
        rules.setChannels(List.of(), Duration.ZERO);
        workers.forEach(ChannelWorker::close);
        workers = List.of();
        if (commands != null) {
            commands.close();
            commands = null;
        }
        if (telegram != null) {
            telegram.close();
            telegram = null;
        }
        projectTelegrams.forEach(TelegramApi::close);
        projectTelegrams.clear();
    }

    @Override
    public synchronized void close() {
        stopChannels();
        webhookHttp.dispatcher().executorService().shutdownNow();
        webhookHttp.connectionPool().evictAll();
    }
}
