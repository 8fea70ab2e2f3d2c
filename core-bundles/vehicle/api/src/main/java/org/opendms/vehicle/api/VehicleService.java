package org.opendms.vehicle.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The vehicle archive (车辆档案): each vehicle with its owner, user, reminder dates and odometer history. Every
 * method either does all it says or changes nothing and throws a {@link DmsException} naming the field and the
 * reason. Who may call what is the platform's permission table ({@code vehicle.*}).
 */
@ProviderType
public interface VehicleService {

    /** Lowest and highest odometer reading accepted, in km. */
    int ODOMETER_MIN_KM = 0;
    int ODOMETER_MAX_KM = 2_000_000;

    /**
     * @throws DmsException INVALID_INPUT naming every wrong field (an unknown owner or user included), CONFLICT when
     *                      the VIN or, among active vehicles, the plate is already registered, FORBIDDEN without
     *                      {@code vehicle.create}
     */
    Vehicle create(VehicleDraft draft, Actor actor);

    /**
     * Replaces a vehicle's details ({@code vehicle.update}); setting {@code active} to false frees its plate for
     * another vehicle.
     *
     * @param expectedVersion the version the user read; if someone changed the vehicle since, nothing is written and
     *                        a CONFLICT ({@code stale_version}) tells the user to re-read
     */
    Vehicle update(long id, long expectedVersion, VehicleDraft draft, Actor actor);

    /** @throws DmsException NOT_FOUND when there is no such vehicle */
    Vehicle get(long id);

    Page<Vehicle> search(VehicleQuery query, PageRequest page);

    /** The active vehicle with this plate, typed in any spelling ("京a·12345", "京A 12345"); empty if none. */
    Optional<Vehicle> findByPlate(String anySpelling);

    /**
     * Records an odometer reading and makes it the vehicle's last one.
     *
     * @param source       where it was read, e.g. "manual" or "reception"; absent means "manual"
     * @param confirmLower the user confirmed a reading lower than the last one; without it such a reading is refused
     *                     with CONFLICT code {@code odometer.lower}. A technician confirms only on a car a job of
     *                     which is dispatched to him ({@link VehicleWork}); FORBIDDEN {@code vehicle.not_assigned}
     *                     naming {@code confirmLower} otherwise
     *
     * @throws DmsException FORBIDDEN without {@code vehicle.odometer.record}
     */
    OdometerReading recordOdometer(long vehicleId, int km, String source, boolean confirmLower, Actor actor);

    /** Every reading of the vehicle, newest first. */
    List<OdometerReading> odometerHistory(long vehicleId);

    /**
     * Owners and users of the vehicles whose plate contains the normalised fragment, or whose VIN matches it as in
     * {@link VehicleQuery#text()} (six or more characters; six are the VIN's last six), active or not; for finding
     * customers by plate. Empty for a blank or one-character fragment.
     */
    Set<Long> customersWithVehiclesMatching(String plateOrVinFragment);

    /**
     * Vehicles changed after a point, oldest change first, read by key (last change time, then id) so that whoever
     * keeps a copy of vehicle data (a plugin catching up after it was stopped) reads only what changed since the last
     * one it saw, a page at a time: pass the {@link Vehicle#updatedAt()} and id of the last vehicle of the previous
     * page. A change made while the vehicle's owner kept the same time stamp is not missed as long as the caller
     * starts a little before its last mark; reading a vehicle twice is harmless to a copy that compares versions.
     *
     * @param after   the time of the last change already seen; null to start from the first vehicle
     * @param afterId with {@code after}, the id of the last vehicle seen at that time
     * @param max     at most this many, 1–{@link org.opendms.platform.api.PageRequest#MAX_SIZE}
     */
    default List<Vehicle> changedSince(Instant after, long afterId, int max) {
        throw new UnsupportedOperationException("changedSince");
    }
}
