package org.opendms.workorder.impl;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** Row of table wo_assignment: one technician dispatched to one job. */
@Entity
@Table(name = "wo_assignment")
public class AssignmentEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "work_order_id", nullable = false)
    long workOrderId;

    @Column(name = "job_id", nullable = false)
    long jobId;

    /** The order the dispatcher named the technicians in. */
    @Column(nullable = false)
    int position;

    @Column(nullable = false)
    String technician;
}
