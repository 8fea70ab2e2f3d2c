package ${package};

import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Violations;

/** What makes a note acceptable; kept apart from storage so it is tested without a database. */
final class NoteRules {

    private NoteRules() {
    }

    /**
     * The note as it will be stored (text without surrounding blanks), or a refusal naming every wrong field at once.
     *
     * @throws DmsException INVALID_INPUT with one violation per wrong field
     */
    static NoteDraft check(NoteDraft draft, int maxLength) {
        if (draft == null) {
            throw DmsException.invalid("", "required", "请提交备注（vehicleId 和 text）", "send a note (vehicleId and text)");
        }
        Violations v = new Violations();
        if (draft.vehicleId() == null) {
            v.add("vehicleId", "required", "车辆编号 vehicleId 不能为空", "vehicle id (vehicleId) is required");
        } else if (draft.vehicleId() <= 0) {
            v.add("vehicleId", "wrong_type", "车辆编号 vehicleId 应为正整数", "vehicle id (vehicleId) must be a positive whole number");
        }
        String text = draft.text() == null ? "" : draft.text().strip();
        if (text.isEmpty()) {
            v.add("text", "required", "备注内容 text 不能为空", "note text (text) is required");
        } else if (text.codePointCount(0, text.length()) > maxLength) {
            v.add("text", "too_long", "备注内容 text 不能超过 " + maxLength + " 个字",
                    "note text (text) must be at most " + maxLength + " characters");
        }
        v.throwIfAny();
        return new NoteDraft(draft.vehicleId(), text);
    }

    /** How many notes a list returns: 1–200. */
    static int limit(int limit) {
        if (limit < 1 || limit > NoteService.LIST_MAX) {
            throw DmsException.invalid("limit", "out_of_range", "条数 limit 必须在 1 到 " + NoteService.LIST_MAX + " 之间",
                    "limit must be between 1 and " + NoteService.LIST_MAX);
        }
        return limit;
    }
}
