package org.opendms.parts.api.figures;

import java.time.LocalDate;
import java.util.List;

import org.opendms.platform.api.Actor;
import org.osgi.annotation.versioning.ProviderType;

/** The parts figures of a period (permission {@code parts.figures.read}). */
@ProviderType
public interface PartsFigures {

    /** The longest period asked at once, in days. */
    int MAX_DAYS = 3 * 366;

    /**
     * The figures of the shop days {@code from} to {@code to} (both included, in the shop's zone) for the warehouses
     * named (every warehouse when the list is null or empty). Refused (field {@code from} or {@code to}) when a day is
     * missing, {@code to} is before {@code from}, or the period is longer than {@link #MAX_DAYS}; a warehouse that
     * does not exist is refused naming {@code warehouseId}; every wrong input is named in the one refusal.
     */
    PartsFigureSheet figures(LocalDate from, LocalDate to, List<Long> warehouseIds, Actor actor);
}
