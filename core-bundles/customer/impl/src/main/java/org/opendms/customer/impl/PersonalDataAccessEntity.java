package org.opendms.customer.impl;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

import org.opendms.customer.api.PersonalDataAccess;
import org.opendms.platform.api.Channel;

/** Row of table customer_pii_access: written, never changed. A search names no customer. */
@Entity
@Table(name = "customer_pii_access")
public class PersonalDataAccessEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    /** Null for a search. */
    @Column(name = "customer_id")
    Long customerId;

    @Column(nullable = false)
    String field;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    PersonalDataAccess.Action action;

    @Column(nullable = false)
    String actor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    Channel channel;

    @Column(name = "accessed_at", nullable = false)
    LocalDateTime accessedAt;

    /** For a search: the text, masked. */
    String searched;

    /** For a search: how many customers it found. */
    Long results;
}
