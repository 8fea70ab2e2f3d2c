package org.opendms.plugin.membership.impl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.opendms.settlement.api.LineKind;
import org.opendms.settlement.api.Settlement;
import org.opendms.settlement.api.SettlementLine;

/**
 * What a count card pays of a document: one job per use, a job that has a labour line of one of the card's operations;
 * its labour lines of those operations (and, for a package with parts, the job's parts) at their net after the bill's
 * discount, plus VAT at the document's rate.
 */
final class CardCover {

    /** A job a card can pay and how much. */
    record Job(long jobId, BigDecimal value) {
    }

    private CardCover() {
    }

    static Set<String> operations(String joined) {
        return Set.of(joined.split(","));
    }

    /** Every job of the document the card covers, except those already paid by a card, largest first. */
    static List<Job> jobs(Settlement doc, Set<String> operations, boolean includesParts, Set<Long> alreadyPaid) {
        Map<Long, BigDecimal> net = new LinkedHashMap<>();
        for (SettlementLine l : doc.lines()) {
            if (l.jobId() == null || alreadyPaid.contains(l.jobId())) {
                continue;
            }
            if (l.kind() == LineKind.LABOUR && l.code() != null
                    && operations.contains(l.code().strip().toUpperCase(java.util.Locale.ROOT))) {
                net.merge(l.jobId(), l.net(), BigDecimal::add);
            }
        }
        if (includesParts) {
            for (SettlementLine l : doc.lines()) {
                if (l.kind() == LineKind.PART && l.jobId() != null && net.containsKey(l.jobId())) {
                    net.merge(l.jobId(), l.net(), BigDecimal::add);
                }
            }
        }
        BigDecimal withVat = BigDecimal.ONE.add(doc.vatRate());
        return net.entrySet().stream()
                .map(e -> new Job(e.getKey(), e.getValue().multiply(withVat).setScale(2, RoundingMode.HALF_UP)))
                .sorted(Comparator.comparing(Job::value).reversed().thenComparing(Job::jobId)).toList();
    }

    /** The job a use of {@code amount} pays: the smallest that covers it. */
    static Optional<Job> pick(List<Job> jobs, BigDecimal amount) {
        return jobs.stream().filter(j -> j.value().compareTo(amount) >= 0).min(Comparator.comparing(Job::value));
    }
}
