package org.opendms.printing.impl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.opendms.printing.api.Paper;
import org.opendms.printing.api.TableColumn;
import org.opendms.printing.api.Tables;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Report tables on the sheets' writer and font: one document at a time, as the sheets. */
@Component(service = Tables.class)
public class PdfTables implements Tables {

    /** For the shop's name over the title, as on the sheets. */
    @Reference
    VisitReader visits;

    @Override
    public byte[] print(String title, String subtitle, List<TableColumn> columns, List<List<String>> rows,
            Paper paper) {
        List<SheetWriter.Column> cols = new ArrayList<>();
        for (TableColumn c : columns) {
            cols.add(new SheetWriter.Column(c.heading(), c.weight(), c.amount()));
        }
        List<String[]> cells = new ArrayList<>();
        for (List<String> row : rows) {
            String[] r = new String[columns.size()];
            for (int i = 0; i < r.length; i++) {
                String v = i < row.size() ? row.get(i) : null;
                r[i] = v == null ? "" : v;
            }
            cells.add(r);
        }
        try {
            synchronized (CjkFont.LOCK) {
                try (SheetWriter w = new SheetWriter(paper, title)) {
                    w.title(visits.config().shopName(), title);
                    if (subtitle != null && !subtitle.isBlank()) {
                        w.paragraph(subtitle);
                    }
                    w.table(cols, cells);
                    return w.finish();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("printing " + title, e);
        }
    }
}
