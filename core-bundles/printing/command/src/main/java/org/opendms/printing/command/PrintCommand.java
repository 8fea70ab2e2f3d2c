package org.opendms.printing.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.console.api.ConsoleActor;
import org.opendms.platform.console.api.ConsolePrinter;
import org.opendms.platform.console.api.ConsoleText;
import org.opendms.printing.api.Paper;
import org.opendms.printing.api.SheetKind;
import org.opendms.printing.api.Sheets;

@Service
@Command(scope = "dms", name = "print", description = "打印单据 Write a work order's sheet to a PDF file: authorisation (委托书), job-sheet (派工单), pick-list (领料单), bill (结算单), certificate (竣工出厂合格证)")
public class PrintCommand implements Action {

    @Reference
    Sheets sheets;

    @Option(name = "--paper", description = "A4 (default), A5 or 241 (241 mm continuous paper)")
    String paper;

    @Argument(index = 0, name = "kind", required = true, description = "authorisation, job-sheet, pick-list, bill or certificate")
    String kind;

    @Argument(index = 1, name = "workOrder", required = true, description = "工单 id work-order id")
    long workOrder;

    @Argument(index = 2, name = "file", required = true, description = "the PDF file to write (relative: to the platform's folder)")
    String file;

    @Override
    public Object execute() {
        try {
            byte[] pdf = sheets.print(SheetKind.of(kind), workOrder, Paper.of(paper), ConsoleActor.current());
            Path target = Path.of(file).toAbsolutePath();
            Files.write(target, pdf);
            ConsoleText.out().println(target + " (" + pdf.length + " bytes)");
        } catch (DmsException e) {
            ConsolePrinter.refusal(ConsoleText.out(), e);
        } catch (IOException e) {
            ConsoleText.out().println("无法写入文件 cannot write " + file + ": " + e.getMessage());
        }
        return null;
    }
}
