package dev.topowatch.topology.load;

import dev.topowatch.topology.ConfigText;
import dev.topowatch.topology.check.CheckSpec;
import dev.topowatch.topology.check.ServerCheck;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** {@code type: server}: {@code host}, {@code check: ping | tcp:PORT | none}. */
final class ServerSpecReader implements SpecReader {
    private static final Pattern TCP = Pattern.compile("tcp:(\\d{1,9})");

    @Override
    public Set<String> keys() {
        return Set.of("host", "check");
    }

    @Override
    public CheckSpec read(YamlMap map, Context context) {
        var check = map.scalar("check");
        var probe = ServerCheck.Probe.PING;
        int port = 0;
        if (check != null) {
            var word = check.value().strip().toLowerCase(Locale.ROOT);
            var tcp = TCP.matcher(word);
            if (word.equals("ping")) {
                probe = ServerCheck.Probe.PING;
            } else if (word.equals("none")) {
                probe = ServerCheck.Probe.NONE;
            } else if (tcp.matches()) {
                probe = ServerCheck.Probe.TCP;
                port = Integer.parseInt(tcp.group(1));
                if (port < 1 || port > 65_535) {
                    map.error(check.node(), map.field("check") + " port must be between 1 and 65535 " + check.shown());
                }
            } else {
                map.error(check.node(), map.field("check") + " must be ping, tcp:PORT or none " + check.shown());
            }
        }
        if (probe != ServerCheck.Probe.NONE) {
            map.require("host");
        }
        var host = map.text("host");
        return new ServerCheck(host == null && probe != ServerCheck.Probe.NONE ? ConfigText.literal("") : host, probe, port);
    }
}
