package org.opendms.platform.api.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

class AfterCommitTest {

    @Test
    void aFailingListenerIsCountedAndTheOthersAreStillTold() {
        List<String> told = new ArrayList<>();
        Consumer<String> first = told::add;
        Consumer<String> failing = e -> {
            throw new IllegalStateException("plugin bug");
        };
        Consumer<String> last = e -> told.add("last:" + e);

        int failed = AfterCommit.tell(List.of(first, failing, last), Consumer::accept, "customer 7 changed",
                "customer 7");

        assertEquals(1, failed);
        assertEquals(List.of("customer 7 changed", "last:customer 7 changed"), told);
    }

    @Test
    void nobodyListeningIsNoFailure() {
        assertEquals(0, AfterCommit.tell(List.<Consumer<String>>of(), Consumer::accept, "x", "nothing"));
    }
}
