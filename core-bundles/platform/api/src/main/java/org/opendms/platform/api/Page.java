package org.opendms.platform.api;

import java.util.List;
import java.util.function.Function;

/** One page of a result list, with the total so a screen can show "1–20 of 135". */
public record Page<T>(List<T> items, int page, int size, long total) {

    public Page {
        items = List.copyOf(items);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
