package org.opendms.plugin.insurance.impl;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * Row of table ins_catch_up: how far the plugin has read a core file (the last change time and id seen), so that a
 * start reads only what changed since. Times are UTC.
 */
@Entity
@Table(name = "ins_catch_up")
public class CatchUpMarkEntity {

    @Id
    @Column(name = "source")
    String source;

    @Column(name = "changed_at", nullable = false)
    LocalDateTime changedAt;

    @Column(name = "last_id", nullable = false)
    long lastId;
}
