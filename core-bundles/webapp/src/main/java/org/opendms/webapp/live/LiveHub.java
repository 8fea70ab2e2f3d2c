package org.opendms.webapp.live;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.ws.rs.sse.OutboundSseEvent;
import javax.ws.rs.sse.Sse;
import javax.ws.rs.sse.SseEventSink;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.security.Permissions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The open event streams of /api/live and what is sent to them. Events are sent from one thread of its own, never on
 * the thread that committed a change (a work-order listener must return at once), and each stream gets only the events
 * its user may read. A comment every {@value #HEARTBEAT_SECONDS} s keeps idle connections from being cut by the
 * server or a proxy and finds browsers that went away; after {@value #MAX_AGE_MINUTES} minutes a stream is closed and
 * the browser opens a new one, so a stream never outlives the login it was opened with by long.
 */
@Component(service = LiveHub.class)
public class LiveHub {

    static final long HEARTBEAT_SECONDS = 20;
    static final long MAX_AGE_MINUTES = 10;
    /** How long a browser waits before reconnecting after the stream ended. */
    static final long RECONNECT_MILLIS = 3000;
    private static final Logger LOG = LoggerFactory.getLogger(LiveHub.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Reference
    Permissions permissions;

    private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService sender;

    /** One open stream: the browser's sink and who is logged in there. */
    private record Stream(SseEventSink sink, Sse sse, Actor actor, long openedAt) {
    }

    @Activate
    void activate() {
        sender = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "dms-live");
            t.setDaemon(true);
            return t;
        });
        sender.scheduleWithFixedDelay(this::heartbeat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        sender.shutdownNow();
        streams.forEach(s -> s.sink().close());
        streams.clear();
    }

    /** A browser opened /api/live: it is told it is connected and how long to wait before reconnecting. */
    void open(SseEventSink sink, Sse sse, Actor actor) {
        Stream stream = new Stream(sink, sse, actor, System.nanoTime());
        streams.add(stream);
        sender.execute(() -> send(stream, sse.newEventBuilder().name("ready").data(String.class, "{}")
                .reconnectDelay(RECONNECT_MILLIS).build()));
    }

    /**
     * Sends the event to every stream whose user has the permission (every stream when it is null).
     *
     * @param data turned into JSON
     */
    public void publish(String type, Object data, String permission) {
        String json;
        try {
            json = JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("live event " + type + " is not JSON", e);
        }
        sender.execute(() -> {
            for (Stream s : streams) {
                if (permission == null || permissions.allows(s.actor(), permission)) {
                    send(s, s.sse().newEventBuilder().name(type).data(String.class, json).build());
                }
            }
        });
    }

    /** How many browsers are connected (for the health of the feature, and tests). */
    public int connected() {
        return streams.size();
    }

    private void heartbeat() {
        long now = System.nanoTime();
        for (Stream s : streams) {
            if (now - s.openedAt() > TimeUnit.MINUTES.toNanos(MAX_AGE_MINUTES)) {
                drop(s);
            } else {
                send(s, s.sse().newEventBuilder().comment("").build());
            }
        }
    }

    private void send(Stream s, OutboundSseEvent event) {
        if (s.sink().isClosed()) {
            drop(s);
            return;
        }
        try {
            s.sink().send(event).whenComplete((ok, failure) -> {
                if (failure != null) {
                    drop(s);
                }
            });
        } catch (RuntimeException e) {
            // the browser went away between the check and the write
            LOG.debug("live stream of {} lost: {}", s.actor().username(), e.toString());
            drop(s);
        }
    }

    private void drop(Stream s) {
        if (streams.remove(s)) {
            try {
                s.sink().close();
            } catch (RuntimeException e) {
                LOG.debug("closing a lost live stream: {}", e.toString());
            }
        }
    }

}
