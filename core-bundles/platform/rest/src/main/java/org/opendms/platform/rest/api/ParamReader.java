package org.opendms.platform.rest.api;

import java.util.function.Supplier;

import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Violations;

/**
 * Reads several parameters of one request and refuses them together, so that a request with two bad parameters is
 * answered naming both instead of the first one checked:
 *
 * <pre>
 * ParamReader read = new ParamReader();
 * Long id = read.value(() -&gt; Params.id("id", rawId));
 * Paper paper = read.value(() -&gt; Paper.of(rawPaper));
 * read.refuseIfAny();
 * </pre>
 *
 * A value that could not be read is null until {@link #refuseIfAny()}, which throws before it can be used. Not
 * thread-safe; one per request.
 */
public final class ParamReader {

    private final Violations found = new Violations();

    /** The value the reader gives, or null when it refuses the input (its violations are kept for later). */
    public <T> T value(Supplier<T> reader) {
        try {
            return reader.get();
        } catch (DmsException e) {
            if (e.kind() != DmsException.Kind.INVALID_INPUT) {
                throw e;
            }
            e.violations().forEach(found::add);
            return null;
        }
    }

    /** The violations found so far, to add checks of one's own. */
    public Violations violations() {
        return found;
    }

    /** Throws one refusal naming every parameter found bad, if any. */
    public void refuseIfAny() {
        found.throwIfAny();
    }
}
