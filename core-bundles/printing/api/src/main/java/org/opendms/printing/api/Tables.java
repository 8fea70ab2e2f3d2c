package org.opendms.printing.api;

import java.util.List;

import org.opendms.platform.api.DmsException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Prints a report's table as PDF with Chinese text (a month's KPI pack, say): the shop's name and the title centred,
 * a subtitle, the table with its heading row repeated on every page and cells that wrap, pages numbered. The caller
 * checks who may read the figures; this service only prints them. @since 1.1
 */
@ProviderType
public interface Tables {

    /**
     * @param rows each as many cells as there are columns; null cells print empty
     *
     * @throws DmsException CONFLICT {@code font} when the server has no CJK TrueType font
     */
    byte[] print(String title, String subtitle, List<TableColumn> columns, List<List<String>> rows, Paper paper);
}
