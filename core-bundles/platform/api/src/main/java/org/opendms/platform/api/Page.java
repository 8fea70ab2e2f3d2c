package org.opendms.platform.api;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a result list, with the total so a screen can show "1–20 of 135".
 *
 * <p>
 * Counting every match of a large table on every page costs more than the page itself, so searches count exactly
 * only up to a limit ({@link org.opendms.platform.api.jpa.PagedSearch#COUNT_LIMIT}): beyond it {@code total} is a
 * lower bound and {@code totalExact} is false, and a screen shows "1000+" (or "more than 1000").
 *
 * @param total      the number of matches when {@code totalExact}; otherwise at least this many
 * @param totalExact true when {@code total} is the exact number of matches, false when there are at least that many
 */
public record Page<T>(List<T> items, int page, int size, long total, boolean totalExact) {

    public Page {
        items = List.copyOf(items);
    }

    /** A page whose total is exact. */
    public Page(List<T> items, int page, int size, long total) {
        this(items, page, size, total, true);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return withItems(items.stream().map(mapper).toList());
    }

    /** The same page (number, size, total) holding other items, e.g. the records made from the rows found. */
    public <R> Page<R> withItems(List<R> replaced) {
        return new Page<>(replaced, page, size, total, totalExact);
    }
}
