package org.opendms.printing.impl;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.security.Permissions;
import org.opendms.printing.api.EBills;
import org.opendms.printing.api.Paper;
import org.opendms.printing.api.SheetKind;
import org.opendms.printing.api.Sheets;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link Sheets}: reads the visit ({@link VisitReader}) and lays out its sheet. Nothing is parsed during start-up
 * (start-up time, issue 11): the font is parsed and PDFBox's classes loaded in the background a minute after
 * activation, so the cashier's first bill does not wait for them either. Each printed bill carries a new e-bill link
 * in its QR code.
 */
@Component(service = Sheets.class)
public class PdfSheets implements Sheets {

    /** After the platform's start is over; {@code -Ddms.print.warmUpSeconds} for tests and slow machines. */
    static final java.time.Duration WARM_UP_AFTER = java.time.Duration
            .ofSeconds(Long.getLong("dms.print.warmUpSeconds", 60));

    private Thread warmUp;

    @Reference
    VisitReader visits;

    @Reference
    EBills eBills;

    @Reference
    Permissions permissions;

    @Activate
    void activate() {
        warmUp = CjkFont.warmUpLater(WARM_UP_AFTER);
    }

    @Deactivate
    void deactivate() {
        CjkFont.stopWarmUp(warmUp);
    }

    @Override
    public byte[] print(SheetKind kind, long workOrderId, Paper paper, Actor actor) {
        permissions.require(actor, Sheets.permission(kind));
        Visit visit = visits.read(kind, workOrderId, actor, null);
        if (kind == SheetKind.BILL) {
            // a link only for a bill that prints: read (and refused when unsettled or without a font) before a token
            // is stored, so that a refusal changes nothing
            CjkFont.find();
            visit = visit.withEBill(eBills.issue(workOrderId, actor).url());
        }
        return render(kind, visit, paper);
    }

    /** The sheet of a visit already read; one document at a time (the font is shared). */
    static byte[] render(SheetKind kind, Visit visit, Paper paper) {
        try {
            synchronized (CjkFont.LOCK) {
                return switch (kind) {
                case AUTHORISATION -> WorkshopSheets.authorisation(visit, paper);
                case JOB_SHEET -> WorkshopSheets.jobSheet(visit, paper);
                case PICK_LIST -> WorkshopSheets.pickList(visit, paper);
                case BILL -> BillSheets.bill(visit, paper);
                case CERTIFICATE -> BillSheets.certificate(visit, paper);
                };
            }
        } catch (IOException e) {
            throw new UncheckedIOException("printing " + kind.slug(), e);
        }
    }
}
