package org.opendms.appointment.api;

import java.time.LocalTime;

/**
 * One slot of a day and how full it is.
 *
 * @param capacity how many vehicles the workshop takes in a slot: the fewer of bays and technicians on duty
 */
public record SlotLoad(LocalTime start, LocalTime end, int booked, int capacity) {

    public boolean full() {
        return booked >= capacity;
    }
}
