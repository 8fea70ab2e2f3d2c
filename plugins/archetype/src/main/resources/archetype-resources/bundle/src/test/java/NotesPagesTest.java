package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.opendms.platform.testing.WebPagesCheck;

class NotesPagesTest {

    /** The page's module is there and small, its strings have Chinese texts, no Chinese is written into a template. */
    @Test
    void pageShipsWithItsModuleAndChineseStrings() {
        assertEquals(List.of(), WebPagesCheck.problems(Path.of("src/main/resources/web"), new NotesPages()));
    }
}
