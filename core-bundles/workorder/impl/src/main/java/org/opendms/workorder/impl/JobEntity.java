package org.opendms.workorder.impl;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

import org.opendms.workorder.api.ApprovalChannel;
import org.opendms.workorder.api.PayType;

/** Row of table wo_job. */
@Entity
@Table(name = "wo_job")
public class JobEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "work_order_id", nullable = false)
    long workOrderId;

    @Column(nullable = false)
    int seq;

    @Column(nullable = false)
    String concern;

    @Enumerated(EnumType.STRING)
    @Column(name = "pay_type", nullable = false)
    PayType payType;

    @Column(name = "add_on", nullable = false)
    boolean addOn;

    @Column(name = "approved_by")
    String approvedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "approval_channel")
    ApprovalChannel approvalChannel;

    @Column(name = "approved_at")
    LocalDateTime approvedAt;

    @Column(name = "approval_recorded_by")
    String approvalRecordedBy;

    /** The bay of the current assignment; null until dispatched or when none was given. */
    String bay;

    @Column(name = "assigned_at")
    LocalDateTime assignedAt;

    @Column(name = "assigned_by")
    String assignedBy;

    /** When the customer declined the job (客户拒绝); null while it stands. */
    @Column(name = "declined_at")
    LocalDateTime declinedAt;

    @Column(name = "declined_by")
    String declinedBy;

    @Column(name = "decline_reason")
    String declineReason;

    /** A declined job's follow-up: null or OPEN while open, then TAKEN_UP or DISMISSED. */
    @Enumerated(EnumType.STRING)
    @Column(name = "followup_outcome")
    org.opendms.workorder.api.FollowUp.Outcome followUpOutcome;

    @Column(name = "followup_closed_at")
    LocalDateTime followUpClosedAt;

    @Column(name = "followup_closed_by")
    String followUpClosedBy;

    @Column(name = "followup_note")
    String followUpNote;

    @Column(name = "followup_taken_up_on_id")
    Long followUpTakenUpOnId;

    /** The cause the technician found (故障原因) and the correction done (维修措施); null until recorded. */
    String cause;

    String correction;

    @Column(name = "findings_at")
    LocalDateTime findingsAt;

    @Column(name = "findings_by")
    String findingsBy;
}
