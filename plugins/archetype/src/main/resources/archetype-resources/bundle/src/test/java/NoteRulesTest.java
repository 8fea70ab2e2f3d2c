package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Violation;

class NoteRulesTest {

    @Test
    void keepsTheTextWithoutSurroundingBlanks() {
        NoteDraft valid = NoteRules.check(new NoteDraft(7L, "  冬季胎存放于 B-12 货架 \n"), 500);
        assertEquals(new NoteDraft(7L, "冬季胎存放于 B-12 货架"), valid);
    }

    @Test
    void namesEveryWrongFieldAtOnceInChineseAndEnglish() {
        DmsException e = assertThrows(DmsException.class, () -> NoteRules.check(new NoteDraft(null, "  "), 500));
        assertEquals(DmsException.Kind.INVALID_INPUT, e.kind());
        List<String> fields = e.violations().stream().map(Violation::field).toList();
        assertEquals(List.of("vehicleId", "text"), fields);
        Violation text = e.violations().get(1);
        assertEquals("备注内容 text 不能为空", text.messageZh());
        assertEquals("note text (text) is required", text.messageEn());
    }

    @Test
    void countsChineseCharactersOnceAgainstTheLimit() {
        assertEquals("轮胎轮胎", NoteRules.check(new NoteDraft(1L, "轮胎轮胎"), 4).text());
        DmsException e = assertThrows(DmsException.class, () -> NoteRules.check(new NoteDraft(1L, "轮胎轮胎轮"), 4));
        assertEquals("too_long", e.violations().get(0).code());
    }

    @Test
    void refusesAVehicleIdThatIsNotPositive() {
        DmsException e = assertThrows(DmsException.class, () -> NoteRules.check(new NoteDraft(0L, "x"), 500));
        assertEquals("vehicleId", e.violations().get(0).field());
    }

    @Test
    void refusesAListLimitOutsideOneTo200() {
        assertEquals(200, NoteRules.limit(200));
        assertThrows(DmsException.class, () -> NoteRules.limit(0));
        assertThrows(DmsException.class, () -> NoteRules.limit(201));
    }
}
