package org.opendms.parts.api.purchasing;

import java.util.List;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Purchase orders (采购单) and receiving against them (permissions {@code parts.po.read}, {@code parts.po.edit},
 * {@code parts.po.receive}). A change takes the version read (code {@code stale_version} when stale); a move the
 * status does not allow is a CONFLICT {@code po.status}.
 */
@ProviderType
public interface PurchaseOrders {

    /** A DRAFT to an active supplier, into an existing warehouse; at least one line, each part at most once. */
    PurchaseOrder create(PurchaseOrderDraft draft, Actor actor);

    /** Replaces a DRAFT's content. */
    PurchaseOrder update(long id, long expectedVersion, PurchaseOrderDraft draft, Actor actor);

    PurchaseOrder get(long id);

    Page<PurchaseOrder> search(PurchaseOrderQuery query, PageRequest page);

    /**
     * DRAFT → SENT: its open quantities count as on order from now. When a {@link SupplierGateway} handles the
     * supplier, the order is handed to it after the commit (a gateway failure is logged and leaves the order SENT: the
     * clerk may send it by other means).
     */
    PurchaseOrder send(long id, long expectedVersion, Actor actor);

    /** DRAFT, SENT or PARTLY_RECEIVED → CANCELLED, with a reason; what was received stays in stock. */
    PurchaseOrder cancel(long id, long expectedVersion, String reason, Actor actor);

    /**
     * Receives a delivery against a SENT or PARTLY_RECEIVED order: each line into the ledger as a receipt at the
     * received price (moving-average cost follows), the order lines' received quantities up, the order PARTLY_RECEIVED
     * or RECEIVED. All in one transaction: when any line is refused or the ledger fails in the middle, nothing is
     * received and no stock moved. More than the open quantity is refused ({@code receipt.over_quantity}).
     */
    Receipt receive(long id, long expectedVersion, ReceiptDraft draft, Actor actor);

    /** The order's receipts, oldest first. */
    List<Receipt> receipts(long id);
}
