package org.opendms.plugin.manager;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.opendms.platform.api.Actor;
import org.opendms.plugin.api.manage.PluginOperation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Every plugin operation, one JSON line each, in the dealer home beside the profile: it outlives the distribution. */
final class OperationLog {

    private static final Logger LOG = LoggerFactory.getLogger(OperationLog.class);
    static final String FILE_NAME = "plugin-operations.jsonl";

    private final Path file;
    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    OperationLog(Path dealerHome) {
        this.file = dealerHome.resolve(FILE_NAME);
    }

    /** Records an operation with its result and how long it took; a record that cannot be written is logged. */
    void record(Actor actor, String action, String plugin, String detail, boolean ok, String result,
            long startedNanos) {
        PluginOperation op = new PluginOperation(Instant.now(), actor.username(), actor.channel(), action, plugin,
                detail, ok, result, (System.nanoTime() - startedNanos) / 1_000_000);
        try {
            append(op);
        } catch (IOException e) {
            LOG.error("Plugin operation not recorded: {}", op, e);
        }
        LOG.info("Plugin operation by {} ({}): {} {} {} -> {} {}", op.username(), op.channel(), action, plugin,
                detail == null ? "" : detail, ok ? "done" : "refused", result);
    }

    synchronized void append(PluginOperation operation) throws IOException {
        Files.createDirectories(file.getParent());
        String line = mapper.writeValueAsString(operation) + "\n";
        Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    synchronized List<PluginOperation> recent(int limit) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<PluginOperation> result = new ArrayList<>();
        for (int i = lines.size() - 1; i >= 0 && result.size() < limit; i--) {
            String line = lines.get(i);
            if (!line.isBlank()) {
                result.add(mapper.readValue(line, PluginOperation.class));
            }
        }
        return Collections.unmodifiableList(result);
    }
}
