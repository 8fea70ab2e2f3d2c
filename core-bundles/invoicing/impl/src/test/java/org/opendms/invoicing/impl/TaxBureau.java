package org.opendms.invoicing.impl;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.opendms.invoicing.api.provider.InvoiceFailure;
import org.opendms.invoicing.api.provider.InvoiceOrder;
import org.opendms.invoicing.api.provider.InvoiceProvider;
import org.opendms.invoicing.api.provider.IssuedInvoice;

/**
 * A 数电票 service as a driver sees it, in memory: 20-digit numbers, idempotent by the request number (asked twice, it
 * answers the invoice it issued), voids what it issued. It can be told to refuse, to be unreachable, or to hold each
 * issue until released (to see two cashiers at once).
 */
final class TaxBureau implements InvoiceProvider {

    final List<InvoiceOrder> orders = new CopyOnWriteArrayList<>();
    final Map<String, IssuedInvoice> issued = new ConcurrentHashMap<>();
    final List<String> voided = new CopyOnWriteArrayList<>();
    private final AtomicLong next = new AtomicLong(26_112_000_000_000_001L);
    volatile String failWith;
    volatile CountDownLatch hold;

    @Override
    public String code() {
        return "SDP";
    }

    @Override
    public IssuedInvoice issue(InvoiceOrder order) {
        orders.add(order);
        CountDownLatch h = hold;
        if (h != null) {
            try {
                h.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (failWith != null) {
            throw new InvoiceFailure(failWith, "购买方税号与名称不符 buyer's number does not match its name");
        }
        return issued.computeIfAbsent(order.requestNumber(),
                n -> new IssuedInvoice("26" + String.format("%018d", next.getAndIncrement()),
                        LocalDate.of(2026, 12, 2)));
    }

    @Override
    public void voidInvoice(String invoiceNumber, String requestNumber, String reason) {
        voided.add(invoiceNumber);
    }
}
