package org.opendms.workorder.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Violation;
import org.opendms.workorder.api.CataloguePart;
import org.opendms.workorder.api.CompletionRule;
import org.opendms.workorder.api.LineDraft;
import org.opendms.workorder.api.PartNumbers;
import org.opendms.workorder.api.WorkOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the parts module's hooks say about a part line and about completing a work order. */
final class PartCheck {

    private static final Logger LOG = LoggerFactory.getLogger(PartCheck.class);

    private PartCheck() {
    }

    /**
     * A part line (not a special order) as the catalogue names it: its part number as the catalogue keeps it, and the
     * part's name when the advisor gave none. Without a catalogue registered, the line as given; with one, a number no
     * catalogue knows is refused.
     */
    static LineDraft fromCatalogue(List<PartNumbers> catalogues, LineDraft draft) {
        if (catalogues.isEmpty() || draft.code() == null || draft.code().isBlank()) {
            return draft; // the line rules name a missing part number
        }
        boolean answered = false;
        for (PartNumbers catalogue : catalogues) {
            Optional<CataloguePart> found;
            try {
                found = catalogue.find(draft.code());
                answered = true;
            } catch (RuntimeException e) {
                LOG.warn("part catalogue {} failed for {}; asking the next", catalogue.getClass().getName(),
                        draft.code(), e);
                continue;
            }
            if (found != null && found.isPresent()) {
                CataloguePart part = found.get();
                String description = draft.description() == null || draft.description().isBlank() ? part.name()
                        : draft.description();
                return new LineDraft(draft.type(), part.partNumber(), description, draft.quantity(),
                        draft.unitPrice(), draft.discount(), draft.stockItemId(), draft.reason(), false);
            }
        }
        if (!answered) {
            throw new DmsException(DmsException.Kind.UNAVAILABLE, List.of(new Violation("code", "parts.unavailable",
                    "配件目录暂时无法查询，请稍后再试", "the parts catalogue cannot be asked now; try again shortly")));
        }
        String code = draft.code().strip();
        throw DmsException.invalid("code", "part.unknown",
                "配件编号 " + code + " 不在配件目录中；如为客户专订件，请标记为专订件",
                "part number " + code
                        + " is not in the parts catalogue; mark the line as a special order if it is one");
    }

    /** Every registered completion rule asked; CONFLICT with all their refusals, nothing changed. */
    static void refuseCompletion(List<CompletionRule> rules, WorkOrder wo) {
        List<Violation> refusals = new ArrayList<>();
        for (CompletionRule rule : rules) {
            List<Violation> r = rule.refusals(wo);
            if (r != null) {
                refusals.addAll(r);
            }
        }
        if (!refusals.isEmpty()) {
            throw new DmsException(DmsException.Kind.CONFLICT, refusals);
        }
    }
}
