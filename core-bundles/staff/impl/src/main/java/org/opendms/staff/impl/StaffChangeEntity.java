package org.opendms.staff.impl;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** Row of table staff_change: written with the change it records, never changed. */
@Entity
@Table(name = "staff_change")
public class StaffChangeEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false)
    String login;

    @Column(nullable = false)
    String what;

    String detail;

    @Column(name = "changed_by", nullable = false)
    String changedBy;

    @Column(nullable = false)
    String channel;

    @Column(name = "changed_at", nullable = false)
    LocalDateTime changedAt;
}
