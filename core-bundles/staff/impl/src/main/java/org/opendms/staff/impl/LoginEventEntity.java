package org.opendms.staff.impl;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** Row of table staff_login_event, the security log: written once, never changed. */
@Entity
@Table(name = "staff_login_event")
public class LoginEventEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "occurred_at", nullable = false)
    LocalDateTime at;

    @Column(nullable = false)
    String kind;

    String login;

    String address;

    @Column(nullable = false)
    String channel;

    @Column(name = "by_login")
    String byLogin;

    String detail;
}
