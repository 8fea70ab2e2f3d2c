package org.opendms.appointment.impl;

import java.time.LocalDate;
import java.time.LocalTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** Row of table app_slot: how many appointments hold a place in one slot. Locked while a booking counts. */
@Entity
@Table(name = "app_slot")
public class SlotEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false)
    LocalDate day;

    @Column(name = "start_time", nullable = false)
    LocalTime startTime;

    @Column(nullable = false)
    int booked;
}
