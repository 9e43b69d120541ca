package dev.topowatch.topology.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** Reads one file of a topology (the main one or an included one) as text, refusing what cannot be one. */
final class TopologyFile {

    private TopologyFile() {
    }

    /** The file's text; empty after an error said of the file as a whole. */
    static Optional<String> read(Path file, Problems problems) {
        try {
            // The size is refused before the file is read: a log or a dump given by mistake costs nothing.
            long size = Files.size(file);
            if (size > YamlSource.MAX_SIZE) {
                problems.fileError("the file is " + String.format(Locale.ROOT, "%.1f", size / (1024.0 * 1024))
                        + " MiB; a topology is at most " + YamlSource.MAX_SIZE / (1024 * 1024) + " MiB");
                return Optional.empty();
            }
            // At most one byte more than allowed, whatever the file: a pipe or a device has no size to ask.
            byte[] bytes;
            try (var input = Files.newInputStream(file)) {
                bytes = input.readNBytes(YamlSource.MAX_SIZE + 1);
            }
            if (bytes.length > YamlSource.MAX_SIZE) {
                problems.fileError("the file is larger than " + YamlSource.MAX_SIZE / (1024 * 1024) + " MiB, the most a topology may be");
                return Optional.empty();
            }
            return Utf8Text.decode(bytes, problems);
        } catch (NoSuchFileException missing) {
            problems.fileError("no such file");
        } catch (IOException unreadable) {
            problems.fileError("cannot read the file: " + Printable.line(unreadable.getMessage()));
        }
        return Optional.empty();
    }
}
