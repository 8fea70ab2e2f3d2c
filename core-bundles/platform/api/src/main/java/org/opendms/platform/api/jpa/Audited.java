package org.opendms.platform.api.jpa;

import java.time.Instant;
import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.MappedSuperclass;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.ShopClock;
import org.opendms.platform.api.Stored;

/**
 * A row that records who created and last changed it, and when (columns {@code created_at}, {@code created_by},
 * {@code updated_at}, {@code updated_by}; times UTC). An entity extends it (its unit need not list it); the
 * service stamps it with the shop's clock, so a test with a fixed {@link ShopClock} sees that time stored.
 * <p>
 * Its persistence unit sets {@code eclipselink.weaving=false}: this class lives in the platform's bundle, which the
 * weaving hook of the entity's bundle cannot reach, and a woven entity over an unwoven mapped superclass fails at
 * deployment ({@code NoSuchMethodError: Audited.<init>(PersistenceObject)}). Tests outside OSGi do not weave, so only
 * Karaf shows that mistake. Without weaving a LAZY basic field loads eagerly: keep large values in an entity of their
 * own that lists read without.
 *
 * <pre>
 * CustomerEntity e = new CustomerEntity();
 * e.created(clock.now(), actor); // on insert: created and updated
 * e.updated(clock.now(), actor); // on every change
 * </pre>
 */
@MappedSuperclass
public abstract class Audited {

    @Column(name = "created_at", nullable = false)
    protected LocalDateTime createdAt;

    @Column(name = "created_by", nullable = false)
    protected String createdBy;

    @Column(name = "updated_at", nullable = false)
    protected LocalDateTime updatedAt;

    @Column(name = "updated_by", nullable = false)
    protected String updatedBy;

    /** Stamps a new row: created and last changed at {@code at} by the actor. */
    public void created(Instant at, Actor actor) {
        createdAt = Stored.utc(at);
        createdBy = actor.username();
        updated(at, actor);
    }

    /** Stamps a change. */
    public void updated(Instant at, Actor actor) {
        updatedAt = Stored.utc(at);
        updatedBy = actor.username();
    }

    public Instant createdAt() {
        return Stored.instant(createdAt);
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant updatedAt() {
        return Stored.instant(updatedAt);
    }

    public String updatedBy() {
        return updatedBy;
    }
}
