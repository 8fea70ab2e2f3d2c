package org.opendms.plugin.insurance.api;

/**
 * A search over policies; every part given must match.
 *
 * @param vehicleId policies of this vehicle
 * @param plate     a plate, whole or in part, in any spelling ("京a·123"): matches the vehicle's plate
 * @param insurer   the insurer's name, whole or in part
 * @param kind      COMPULSORY or COMMERCIAL
 */
public record PolicyQuery(Long vehicleId, String plate, String insurer, PolicyKind kind) {

    public static PolicyQuery ofVehicle(long vehicleId) {
        return new PolicyQuery(vehicleId, null, null, null);
    }

    public static PolicyQuery plate(String plate) {
        return new PolicyQuery(null, plate, null, null);
    }
}
