package org.opendms.settlement.payment;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** Row of stl_online_notification: a notification received and what it did; never changed. */
@Entity
@Table(name = "stl_online_notification")
public class NotificationEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    String provider;
    @Column(name = "notification_id")
    String notificationId;
    @Column(name = "pay_number")
    String number;
    String outcome;
    String detail;
    @Column(name = "received_at")
    LocalDateTime receivedAt;
}
