package ${package};

/**
 * A note as typed.
 *
 * @param vehicleId the vehicle the note is about
 * @param text      what to remember about it, e.g. "冬季胎存放于 B-12 货架 winter tyres on shelf B-12"
 */
public record NoteDraft(Long vehicleId, String text) {
}
