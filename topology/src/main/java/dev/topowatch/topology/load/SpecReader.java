package dev.topowatch.topology.load;

import dev.topowatch.topology.check.CheckSpec;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** Reads the keys that belong to one entity type into its {@link CheckSpec}. */
interface SpecReader {

    /** The keys this type adds to the common ones. */
    Set<String> keys();

    /** The spec; a best effort after errors were reported, never null. */
    CheckSpec read(YamlMap map, Context context);

    /**
     * What a reader may need besides the entity's own mapping.
     *
     * @param directory  the topology file's folder, which relative paths are resolved against
     * @param references where names of other entities (group members) are recorded for checking
     */
    record Context(String entity, Path directory, List<Reference> references) {
    }
}
