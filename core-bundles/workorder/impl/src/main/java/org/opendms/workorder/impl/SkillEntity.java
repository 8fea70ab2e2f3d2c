package org.opendms.workorder.impl;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** Row of table wo_technician_skill. */
@Entity
@Table(name = "wo_technician_skill")
public class SkillEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false)
    String technician;

    /** A code of the skill catalogue. */
    @Column(nullable = false)
    String skill;

    @Column(name = "skill_level", nullable = false)
    int level;
}
