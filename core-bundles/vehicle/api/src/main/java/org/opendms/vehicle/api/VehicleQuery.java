package org.opendms.vehicle.api;

/**
 * A search over vehicles; every part given must match.
 *
 * @param text       a plate or VIN, whole or in part, in any spelling: matches when the normalised text is contained
 *                   in the plate, or in the VIN; exactly six characters match the VIN's last six instead (the serial
 *                   workshops and insurers quote), so they do not also hit the middle of other VINs; fewer than six
 *                   do not search VINs (a mobile tail or part of a plate would hit hundreds of unrelated VINs). Blank
 *                   matches everything
 * @param customerId vehicles this customer owns or uses
 * @param activeOnly true: active vehicles only; absent or false: active and inactive
 */
public record VehicleQuery(String text, Long customerId, Boolean activeOnly) {

    public static VehicleQuery text(String text) {
        return new VehicleQuery(text, null, null);
    }

    public static VehicleQuery ofCustomer(long customerId) {
        return new VehicleQuery(null, customerId, null);
    }
}
