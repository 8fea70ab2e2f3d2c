package org.opendms.staff.impl;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.MapKeyColumn;
import javax.persistence.Table;
import javax.persistence.Version;

/** Row of table staff_account with its roles and skills. Times are UTC. */
@Entity
@Table(name = "staff_account")
public class StaffEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false, updatable = false)
    String login;

    @Column(nullable = false)
    String name;

    String team;

    @Column(name = "password_hash", nullable = false)
    String passwordHash;

    @Column(nullable = false)
    boolean active = true;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "staff_role", joinColumns = @JoinColumn(name = "staff_id"))
    @Column(name = "role")
    Set<String> roles = new TreeSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "staff_skill", joinColumns = @JoinColumn(name = "staff_id"))
    @MapKeyColumn(name = "skill_code")
    @Column(name = "skill_level")
    Map<String, Integer> skills = new TreeMap<>();

    @Column(name = "created_at", nullable = false)
    LocalDateTime createdAt;

    @Column(name = "created_by", nullable = false)
    String createdBy;

    @Column(name = "updated_at", nullable = false)
    LocalDateTime updatedAt;

    @Column(name = "updated_by", nullable = false)
    String updatedBy;

    @Version
    long version;
}
