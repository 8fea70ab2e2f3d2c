package org.opendms.parts.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.parts.api.Catalogue;
import org.opendms.parts.api.Part;
import org.opendms.parts.api.PartDraft;
import org.opendms.parts.api.Prices;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.console.api.ConsoleActor;
import org.opendms.platform.console.api.ConsolePrinter;
import org.opendms.platform.console.api.ConsoleText;

@Service
@Command(scope = "dms", name = "part-add", description = "新建配件 Add a part to the catalogue")
public class PartAdd implements Action {

    @Reference
    Catalogue catalogue;

    @Argument(index = 0, name = "number", required = true, description = "配件号 part number as printed")
    String number;

    @Argument(index = 1, name = "name", required = true, description = "名称 name")
    String name;

    @Argument(index = 2, name = "unit", required = true, description = "单位 unit (个, 套, 升)")
    String unit;

    @Argument(index = 3, name = "retail", required = true, description = "零售价 retail price, yuan")
    String retail;

    @Option(name = "--brand", description = "品牌 brand")
    String brand;

    @Option(name = "--category", aliases = "-c", description = "类别 category")
    String category;

    @Option(name = "--warranty", description = "索赔价 warranty price")
    String warranty;

    @Option(name = "--insurance", description = "保险价 insurance price")
    String insurance;

    @Option(name = "--internal", description = "内部价 internal price")
    String internal;

    @Option(name = "--tax", description = "税率 tax rate as a fraction, default 0.13")
    String tax;

    @Option(name = "--fitment", description = "适用车型 fitment notes")
    String fitment;

    @Option(name = "--batches", description = "按批次和有效期管理（油品、化学品） kept in batches with expiry")
    boolean batches;

    @Option(name = "--decimal", description = "数量可有小数（升） quantities with decimals")
    boolean decimal;

    @Override
    public Object execute() {
        try {
            Part p = catalogue.add(new PartDraft(number, name, brand, category, unit,
                    new Prices(PartsConsole.number("retail", retail), price("warranty", warranty),
                            price("insurance", insurance), price("internal", internal)),
                    tax == null ? null : PartsConsole.number("tax", tax), fitment, batches, decimal),
                    ConsoleActor.current());
            ConsoleText.out().println("已新建配件 added " + p.id() + "  " + p.number().printed() + "  " + p.name());
        } catch (DmsException e) {
            ConsolePrinter.refusal(ConsoleText.out(), e);
        }
        return null;
    }

    private static java.math.BigDecimal price(String field, String typed) {
        return typed == null ? null : PartsConsole.number(field, typed);
    }
}
