package dev.topowatch.checkers.support;

import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

/**
 * A tiny authoritative DNS server on 127.0.0.1 (UDP, a free port) answering from a fixed table, so
 * that the custom-resolver path is tested without the internet. Unknown names get NXDOMAIN; with
 * {@code silent} it reads queries and never answers.
 */
public final class DnsResponder implements AutoCloseable {
    private final DatagramSocket socket;
    private final Map<Name, List<Record>> records;
    private final boolean silent;
    private final Thread server;

    private DnsResponder(List<Record> records, boolean silent) {
        this.records = records.stream().collect(java.util.stream.Collectors.groupingBy(Record::getName));
        this.silent = silent;
        try {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException cannotBind) {
            throw new UncheckedIOException(cannotBind);
        }
        server = Thread.ofVirtual().start(this::serve);
    }

    public static DnsResponder answering(List<Record> records) {
        return new DnsResponder(records, false);
    }

    public static DnsResponder silent() {
        return new DnsResponder(List.of(), true);
    }

    public int port() {
        return socket.getLocalPort();
    }

    private void serve() {
        var buffer = new byte[4096];
        while (!socket.isClosed()) {
            try {
                var packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                if (silent) {
                    continue;
                }
                var query = new Message(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
                var answer = answer(query).toWire();
                socket.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
            } catch (IOException closedOrGarbled) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    private Message answer(Message query) {
        var question = query.getQuestion();
        var response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.AA);
        response.addRecord(question, Section.QUESTION);
        var known = records.get(question.getName());
        if (known == null) {
            response.getHeader().setRcode(Rcode.NXDOMAIN);
            return response;
        }
        known.stream()
                .filter(record -> record.getType() == question.getType() && record.getDClass() == DClass.IN)
                .forEach(record -> response.addRecord(record, Section.ANSWER));
        return response;
    }

    @Override
    public void close() {
        socket.close();
        server.interrupt();
    }
}
