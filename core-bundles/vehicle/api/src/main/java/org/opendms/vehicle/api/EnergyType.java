package org.opendms.vehicle.api;

/**
 * What drives the vehicle: 汽油 PETROL, 柴油 DIESEL, 混动 HYBRID, 插电混动 PLUG_IN_HYBRID, 纯电 ELECTRIC, 其他 OTHER.
 * It decides which maintenance items apply (no oil change on an electric car) and goes with the green plate.
 */
public enum EnergyType {
    PETROL, DIESEL, HYBRID, PLUG_IN_HYBRID, ELECTRIC, OTHER
}
