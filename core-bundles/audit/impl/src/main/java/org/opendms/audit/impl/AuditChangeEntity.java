package org.opendms.audit.impl;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * Row of table audit_change, read here; written by {@link JpaAuditTrail#write} over the changing service's connection.
 */
@Entity
@Table(name = "audit_change")
public class AuditChangeEntity {

    @Id
    Long id;

    @Column(name = "changed_at", nullable = false)
    LocalDateTime at;

    @Column(nullable = false)
    String actor;

    @Column(nullable = false)
    String channel;

    @Column(name = "record_type", nullable = false)
    String type;

    @Column(name = "record_id", nullable = false)
    String recordId;

    @Column(nullable = false)
    String action;

    @Column(nullable = false)
    String field;

    @Column(name = "old_value")
    String oldValue;

    @Column(name = "new_value")
    String newValue;
}
