package dev.topowatch.server.alerts;

import dev.topowatch.server.outbox.OutboxMessage;
import dev.topowatch.server.store.Store;
import dev.topowatch.topology.Alerts;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Alerting, wired: the rules that decide (called by the engine), one worker per channel that
 * delivers from the outbox, opened from {@code alerts:} by each channel's {@link ChannelType}. Reconfigured when a reload changes the
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
    /** What the open channels share (clients, a bot's command loop), closed after them. */
    private List<AutoCloseable> resources = List.of();
    private volatile ProjectRouting routing = ProjectRouting.EVERYTHING;
    private volatile Topology topology;
    private volatile ProjectReach reach;
    /** What the channels running now were opened from: a reload that changes none of it keeps them. */
    private Plan configured;
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

    /** The top-level {@code alerts:}, each project's, and the board's URL for links. */
    private record Plan(Alerts alerts, Map<String, Alerts> projectAlerts, String url) {
    }

    /**
     * Starts, or restarts after a change of {@code alerts:} (the top level's or a project's) or
     * {@code board.url}, the channels of this topology.
     */
    public synchronized void configure(Topology topology) {
        this.topology = topology;
        // Every topology, also one whose alerts are the same: who a project's channels hear of follows its dependencies.
        this.reach = new ProjectReach(topology);
        var url = topology.board().url() == null ? null : topology.board().url().value();
        var plan = new Plan(topology.alerts(), topology.projectAlerts(), url);
        if (plan.equals(configured)) {
            return;
        }
        boolean running = configured != null;
        var before = workers.stream().map(worker -> worker.channel().key()).collect(Collectors.toSet());
        stopChannels();
        configured = plan;
        var routed = new ProjectRouting.Builder();
        var shared = new ArrayList<AutoCloseable>();
        var top = plan.alerts();
        open(top, new ChannelContext(clock, url, webhookHttp, pictures, new Control(), true), shared)
                .forEach(channel -> routed.everything(channel, top.groupWindow()));
        // A project's chats only send: one getUpdates poller per bot, and the top level's answers the commands.
        var projectContext = new ChannelContext(clock, url, webhookHttp, pictures, new Control(), false);
        plan.projectAlerts().forEach((project, own) ->
                open(own, projectContext, shared).forEach(channel -> routed.project(project, channel, own.groupWindow())));
        resources = List.copyOf(shared);
        var channels = routed.channels();
        rules.setChannels(channels, top.groupWindow());
        routing = routed.routing(entity -> reach.of(entity));
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

    /** The channels of one {@code alerts:} section, each opened by its {@link ChannelType}; what they share goes to {@code shared}. */
    private static List<Channel> open(Alerts alerts, ChannelContext context, List<AutoCloseable> shared) {
        var channels = new ArrayList<Channel>();
        alerts.channels().forEach((key, spec) -> {
            var type = Channels.byKey(key).orElseThrow(() -> new IllegalStateException("no channel type reads alerts." + key));
            var opened = type.openSpec(spec, context);
            channels.addAll(opened.channels());
            shared.addAll(opened.resources());
        });
        return channels;
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

    /** The board as a channel that answers commands sees it. */
    private final class Control implements BoardControl {
        @Override
        public StatusSnapshot snapshot() {
            return snapshot.get();
        }

        @Override
        public ImpactReport impact() {
            return impact.get();
        }

        @Override
        public Topology topology() {
            return topology;
        }

        @Override
        public Map<String, Instant> mutes() {
            return rules.mutes();
        }

        @Override
        public void mute(String entity, Instant until) {
            Alerter.this.mute(entity, until);
        }
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

    private void stopChannels() {
        rules.setChannels(List.of(), Duration.ZERO);
        workers.forEach(ChannelWorker::close);
        workers = List.of();
        for (var resource : resources) {
            try {
                resource.close();
            } catch (Exception failed) {
                LOG.warn("closing an alert channel failed error=\"{}\"", failed.getMessage());
            }
        }
        resources = List.of();
    }

    @Override
    public synchronized void close() {
        stopChannels();
        webhookHttp.dispatcher().executorService().shutdownNow();
        webhookHttp.connectionPool().evictAll();
    }
}
