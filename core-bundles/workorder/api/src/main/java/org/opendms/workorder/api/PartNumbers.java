package org.opendms.workorder.api;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The hook for "is this a part of our catalogue?" (配件目录): the parts module registers it, and {@link Jobs#addLine}
 * then accepts a part line only when its part number is in a catalogue, or when the line is marked as a special order
 * for this customer ({@link LineDraft#specialOrder()}, 客户专订件). Without any registered, a part line takes any part
 * number, as before.
 *
 * @since 3.1
 */
@ConsumerType
public interface PartNumbers {

    /**
     * The part as the catalogue knows it; empty when it is not there.
     *
     * @param partNumber as the advisor typed it (the catalogue normalises case, spaces and dashes)
     */
    Optional<CataloguePart> find(String partNumber);
}
