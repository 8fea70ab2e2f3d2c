package org.opendms.vehicle.api;

import java.time.LocalDate;

/**
 * What a user types to register a vehicle or replace its details. Nothing is trusted: the service validates every
 * field and names each one that is wrong.
 *
 * @param vin               车架号, 17 characters with a correct check digit; unique across all vehicles
 * @param plate             车牌 in any spelling ("京a·12345"); absent for a new car not yet registered; unique among
 *                          active vehicles
 * @param make              brand, e.g. "大众", at most 50 characters
 * @param model             model, e.g. "帕萨特 330TSI", at most 50 characters
 * @param year              model year, 1950 to next year
 * @param engineNumber      发动机号, at most 30 letters, digits or '-'
 * @param colour            at most 20 characters
 * @param energyType        optional
 * @param ownerId           车主, an existing customer; required
 * @param userId            使用人 (e.g. a company car's driver), an existing customer; absent means the owner
 * @param insuranceDueDate  when the insurance runs out (交强险/商业险), for reminders
 * @param inspectionDueDate when the annual inspection (年检) is due, for reminders
 * @param active            false for a vehicle sold on, scrapped or no longer seen; absent means true
 */
public record VehicleDraft(String vin, String plate, String make, String model, Integer year, String engineNumber,
        String colour, EnergyType energyType, Long ownerId, Long userId, LocalDate insuranceDueDate,
        LocalDate inspectionDueDate, Boolean active) {
}
