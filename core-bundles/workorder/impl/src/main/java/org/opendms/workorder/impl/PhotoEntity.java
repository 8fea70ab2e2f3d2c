package org.opendms.workorder.impl;

import java.time.LocalDateTime;

import javax.persistence.Basic;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.Table;

/**
 * Row of table wo_photo: written, never changed. Reads select the columns they need (the metadata, or the bytes of one
 * photo) rather than the entity, so a list never loads the bytes; LAZY only where EclipseLink weaves the entity.
 */
@Entity
@Table(name = "wo_photo")
public class PhotoEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "work_order_id", nullable = false)
    long workOrderId;

    @Column(name = "content_type", nullable = false)
    String contentType;

    @Column(name = "size_bytes", nullable = false)
    int sizeBytes;

    @Column(nullable = false)
    String sha256;

    String caption;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    byte[] data;

    @Column(name = "taken_at", nullable = false)
    LocalDateTime takenAt;

    @Column(name = "taken_by", nullable = false)
    String takenBy;
}
