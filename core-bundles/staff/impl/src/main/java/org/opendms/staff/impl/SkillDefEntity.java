package org.opendms.staff.impl;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** Row of table staff_skill_def: one skill of the catalogue. Times are UTC. */
@Entity
@Table(name = "staff_skill_def")
public class SkillDefEntity {

    @Id
    String code;

    @Column(nullable = false)
    String name;

    @Column(name = "name_en", nullable = false)
    String nameEn;

    /** Null while the skill may be assigned. */
    @Column(name = "retired_at")
    LocalDateTime retiredAt;

    /** Null on a seeded default nobody changed yet. */
    @Column(name = "updated_at")
    LocalDateTime updatedAt;

    @Column(name = "updated_by", nullable = false)
    String updatedBy;

    @Column(nullable = false)
    long version;
}
