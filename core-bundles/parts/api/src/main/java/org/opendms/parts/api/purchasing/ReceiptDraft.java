package org.opendms.parts.api.purchasing;

import java.util.List;

/**
 * A delivery received against a purchase order (到货入库).
 *
 * @param deliveryNote the supplier's delivery note or invoice number
 */
public record ReceiptDraft(String deliveryNote, String note, List<ReceiptLineDraft> lines) {
}
