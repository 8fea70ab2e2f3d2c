package org.opendms.parts.api;

import java.math.BigDecimal;

/**
 * What a user enters for a part.
 *
 * @param number       the part number as printed, required, at most 40 characters; its key ({@link PartNumber#key})
 *                     letters and digits only and unique in the catalogue ({@code part.duplicate})
 * @param name         required, at most 100 characters (e.g. 机油滤清器)
 * @param brand        optional, at most 60 characters (e.g. 原厂, 博世)
 * @param category     optional, at most 60 characters (e.g. 滤清器, 油品, 制动)
 * @param unit         required, at most 10 characters (个, 套, 升, 瓶)
 * @param prices       required, retail at least
 * @param taxRate      VAT rate as a fraction (0.13); absent takes 0.13; 0 to 1, at most 4 decimals
 * @param fitmentNotes which vehicles it fits, optional, at most 500 characters
 * @param batchTracked true for fluids and chemicals kept in batches with an expiry date (issued first expiry first)
 * @param decimal      true when quantities may have decimals (litres); otherwise whole units only
 */
public record PartDraft(String number, String name, String brand, String category, String unit, Prices prices,
        BigDecimal taxRate, String fitmentNotes, boolean batchTracked, boolean decimal) {

    /** A part counted in whole units, not in batches, at 13 % VAT. */
    public static PartDraft of(String number, String name, String unit, String retailYuan) {
        return new PartDraft(number, name, null, null, unit, Prices.retail(retailYuan), null, null, false, false);
    }

    public PartDraft withBrand(String brand, String category) {
        return new PartDraft(number, name, brand, category, unit, prices, taxRate, fitmentNotes, batchTracked, decimal);
    }

    public PartDraft withPrices(Prices prices) {
        return new PartDraft(number, name, brand, category, unit, prices, taxRate, fitmentNotes, batchTracked, decimal);
    }

    /** A fluid or chemical: batches with expiry, decimal quantities. */
    public PartDraft inBatches() {
        return new PartDraft(number, name, brand, category, unit, prices, taxRate, fitmentNotes, true, true);
    }
}
