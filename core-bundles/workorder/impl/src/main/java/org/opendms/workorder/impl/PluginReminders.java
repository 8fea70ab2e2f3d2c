package org.opendms.workorder.impl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.opendms.workorder.api.ReceptionBrief.Reminder;
import org.opendms.workorder.api.reception.ReceptionReminder;
import org.opendms.workorder.api.reception.ReceptionReminderSource;
import org.opendms.workorder.api.reception.ReceptionVisit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the plugins' reminder sources at once and waits for them a bounded time: a source that throws or is late is
 * logged and left out, so that a plugin never holds up or breaks the desk.
 */
final class PluginReminders implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PluginReminders.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Duration limit;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "dms-reception-reminders-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    PluginReminders(Duration limit) {
        this.limit = limit;
    }

    List<Reminder> ask(List<ReceptionReminderSource> sources, ReceptionVisit visit) {
        List<Future<List<ReceptionReminder>>> asked = new ArrayList<>();
        for (ReceptionReminderSource source : sources) {
            asked.add(pool.submit(() -> source.remindersFor(visit)));
        }
        long deadline = System.nanoTime() + limit.toNanos();
        List<Reminder> reminders = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            String name = sources.get(i).getClass().getName();
            try {
                List<ReceptionReminder> got = asked.get(i).get(Math.max(0, deadline - System.nanoTime()),
                        TimeUnit.NANOSECONDS);
                if (got != null) {
                    got.stream().filter(r -> r != null && r.code() != null)
                            .forEach(r -> reminders.add(new Reminder(r.code(), r.messageZh(), r.messageEn())));
                }
            } catch (TimeoutException e) {
                asked.get(i).cancel(true);
                LOG.warn("Reception reminder source {} gave no answer within {} ms for {}; left out", name,
                        limit.toMillis(), visit.plate());
            } catch (ExecutionException e) {
                LOG.warn("Reception reminder source {} failed for {}; left out: {}", name, visit.plate(),
                        e.getCause().toString(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return reminders;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
