package org.opendms.reports.rest;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.ShopClock;
import org.opendms.platform.rest.api.DmsRest;
import org.opendms.printing.api.Paper;
import org.opendms.printing.api.Tables;
import org.opendms.platform.rest.api.ParamReader;
import org.opendms.platform.rest.api.Params;
import org.opendms.platform.rest.api.RequiresPermission;
import org.opendms.platform.rest.api.RestActor;
import org.opendms.reports.api.Alert;
import org.opendms.reports.api.AlertRule;
import org.opendms.reports.api.Alerts;
import org.opendms.reports.api.CalendarDay;
import org.opendms.reports.api.CustomerFigures;
import org.opendms.reports.api.DrillRow;
import org.opendms.reports.api.Forecast;
import org.opendms.reports.api.Granularity;
import org.opendms.reports.api.KpiPack;
import org.opendms.reports.api.MonthResources;
import org.opendms.reports.api.Period;
import org.opendms.reports.api.Reports;
import org.opendms.reports.api.RevenueReport;
import org.opendms.reports.api.ShopResources;
import org.opendms.reports.api.TechnicianFigures;
import org.opendms.reports.api.TechnicianResource;
import org.opendms.reports.api.Trade;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** /api/reports: thin over {@link Reports} and {@link ShopResources}; a period defaults to this month. */
@Component(service = ReportResource.class)
@JaxrsResource
@JaxrsExtensionSelect({ DmsRest.SECURITY, DmsRest.JSON, DmsRest.PROBLEMS })
@Path("reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "报表 Reports")
public class ReportResource {

    @Reference
    Reports reports;

    @Reference
    ShopResources resources;

    @Reference
    ShopClock clock;

    @Reference
    Alerts alerts;

    /** The monthly pack on paper (PDF with Chinese text). */
    @Reference
    Tables tables;

    private static final String FROM = "起始日 from, yyyy-MM-dd (default: the first of this month)";
    private static final String TO = "截止日 to (inclusive), yyyy-MM-dd (default: the last of this month)";

    @GET
    @Path("kpis")
    @Operation(summary = "KPI 报表 The workshop KPI pack of a period: each KPI with formula, inputs, previous period and last year", responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = KpiPack.class))),
            @ApiResponse(responseCode = "400", description = "from or to wrong (each named)") })
    @RequiresPermission("report.read")
    public KpiPack kpis(@Parameter(description = FROM) @QueryParam("from") String from,
            @Parameter(description = TO) @QueryParam("to") String to, @Context SecurityContext security) {
        return reports.kpis(period(from, to), RestActor.from(security));
    }

    @GET
    @Path("kpis/{kpi}/work-orders")
    @Operation(summary = "指标明细 The work orders (or documents) behind a KPI, newest first, at most 2,000", responses = {
            @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = DrillRow.class)))),
            @ApiResponse(responseCode = "404", description = "a KPI with nothing to drill into") })
    @RequiresPermission("report.read")
    public List<DrillRow> drill(@PathParam("kpi") String kpi,
            @Parameter(description = FROM) @QueryParam("from") String from,
            @Parameter(description = TO) @QueryParam("to") String to, @Context SecurityContext security) {
        return reports.drill(kpi, period(from, to), RestActor.from(security));
    }

    @GET
    @Path("revenue")
    @Operation(summary = "营业收入 Revenue and margins by day, week, month, quarter or year, by payer and visit type", responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RevenueReport.class))),
            @ApiResponse(responseCode = "400", description = "from, to or by wrong (each named)") })
    @RequiresPermission("report.read")
    public RevenueReport revenue(@Parameter(description = FROM) @QueryParam("from") String from,
            @Parameter(description = TO) @QueryParam("to") String to,
            @Parameter(description = "按 DAY, WEEK, MONTH (default), QUARTER or YEAR", schema = @Schema(allowableValues = {
                    "DAY", "WEEK", "MONTH", "QUARTER", "YEAR" })) @QueryParam("by") String by,
            @Context SecurityContext security) {
        ParamReader read = new ParamReader();
        Period p = read.value(() -> period(from, to));
        Granularity g = read.value(() -> granularity(by));
        read.refuseIfAny();
        return reports.revenue(p, g, RestActor.from(security));
    }

    @GET
    @Path("technicians")
    @Operation(summary = "技师绩效 Each technician's work orders, sold and clocked hours, productivity, comebacks, revenue and commission base", responses = {
            @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = TechnicianFigures.class)))),
            @ApiResponse(responseCode = "400", description = "from or to wrong (each named)") })
    @RequiresPermission("report.read")
    public List<TechnicianFigures> technicians(@Parameter(description = FROM) @QueryParam("from") String from,
            @Parameter(description = TO) @QueryParam("to") String to, @Context SecurityContext security) {
        return reports.technicians(period(from, to), RestActor.from(security));
    }

    @GET
    @Path("customers")
    @Operation(summary = "客户分析 Customers of a period: new and returning, the maintenance return rate, and those not seen for some months (久未回店) as the desk's call list", responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CustomerFigures.class))),
            @ApiResponse(responseCode = "400", description = "from, to or months wrong (each named)") })
    @RequiresPermission("report.read")
    public CustomerFigures customers(@Parameter(description = FROM) @QueryParam("from") String from,
            @Parameter(description = TO) @QueryParam("to") String to,
            @Parameter(description = "久未回店月数 months away, 1 to 60 (default 12)") @QueryParam("months") String months,
            @Context SecurityContext security) {
        ParamReader read = new ParamReader();
        Period p = read.value(() -> period(from, to));
        Integer m = read.value(() -> Params.integer("months", months));
        read.refuseIfAny();
        return reports.customers(p, m == null ? 12 : m, RestActor.from(security));
    }

    @GET
    @Path("forecast")
    @Operation(summary = "预测 A month's visits and revenue forecast (default next month) by the method that erred least on the last twelve months, with that backtest", responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Forecast.class))),
            @ApiResponse(responseCode = "400", description = "the month is not yyyy-MM") })
    @RequiresPermission("report.read")
    public Forecast forecast(
            @Parameter(description = "月份 yyyy-MM (default next month)") @QueryParam("month") String month,
            @Context SecurityContext security) {
        YearMonth m = month == null || month.isBlank() ? YearMonth.from(clock.today()).plusMonths(1) : month(month);
        return reports.forecast(m, RestActor.from(security));
    }

    @GET
    @Path("export/{table}")
    @Produces({ ReportSheet.XLSX, MediaType.APPLICATION_JSON })
    @Operation(summary = "导出 Excel A report table as xlsx: kpis, revenue, technicians, customers (the 12-month call list), or the drill-down of a KPI (kpi=…)", responses = {
            @ApiResponse(responseCode = "200", content = @Content(mediaType = ReportSheet.XLSX, schema = @Schema(type = "string", format = "binary"))),
            @ApiResponse(responseCode = "404", description = "no such table") })
    @RequiresPermission("report.read")
    public Response export(@PathParam("table") String table,
            @Parameter(description = FROM) @QueryParam("from") String from,
            @Parameter(description = TO) @QueryParam("to") String to,
            @Parameter(description = "revenue: DAY, WEEK, MONTH, QUARTER or YEAR") @QueryParam("by") String by,
            @Parameter(description = "drill: the KPI's code") @QueryParam("kpi") String kpi,
            @Context SecurityContext security) {
        var actor = RestActor.from(security);
        Period p = period(from, to);
        byte[] body = switch (table) {
        case "kpis" -> ReportSheet.kpis(reports.kpis(p, actor));
        case "revenue" -> ReportSheet.revenue(reports.revenue(p, granularity(by), actor));
        case "technicians" -> ReportSheet.technicians(reports.technicians(p, actor));
        case "drill" -> ReportSheet.drill(kpi, reports.drill(kpi, p, actor));
        default -> throw DmsException.notFound("table",
                "没有报表 " + table + "（可选 kpis、revenue、technicians、drill、customers）",
                "no table " + table + " (kpis, revenue, technicians, drill or customers)");
        };
        String name = table + "-" + p.from() + "-" + p.to() + ".xlsx";
        return Response.ok(body, ReportSheet.XLSX)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .build();
    }

    @GET
    @Path("print/kpis")
    @Produces({ "application/pdf", MediaType.APPLICATION_JSON })
    @Operation(summary = "打印 KPI 报表 The KPI pack of a period as PDF (A4): each KPI with this period, the previous one, last year, the formula and its inputs or what is missing", responses = {
            @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary"))),
            @ApiResponse(responseCode = "400", description = "from or to wrong (each named)"),
            @ApiResponse(responseCode = "409", description = "no CJK font on the server (field font)") })
    @RequiresPermission("report.read")
    public Response printKpis(@Parameter(description = FROM) @QueryParam("from") String from,
            @Parameter(description = TO) @QueryParam("to") String to, @Context SecurityContext security) {
        KpiPack pack = reports.kpis(period(from, to), RestActor.from(security));
        byte[] pdf = tables.print(ReportSheet.packTitle(pack), ReportSheet.packSubtitle(pack), ReportSheet.PACK_COLUMNS,
                ReportSheet.packRows(pack), Paper.A4);
        return Response.ok(pdf, "application/pdf").header("Content-Disposition",
                "attachment; filename=\"kpis-" + pack.period().from() + "-" + pack.period().to() + ".pdf\"").build();
    }

    /** A month's resources as entered; the month comes from the path. */
    public record ResourcesDraft(List<String> workingWeekdays, BigDecimal shiftHours, Map<String, Integer> bays,
            List<TechnicianDraft> technicians, BigDecimal commissionShare) {
    }

    /** @param trade MECHANICAL, BODY or PAINT */
    public record TechnicianDraft(String login, String trade, BigDecimal wage) {
    }

    @GET
    @Path("resources/{month}")
    @Operation(summary = "车间资源 The resources in force in a month (its own entry, else the latest earlier one); never entered: the shop's usual week (Monday to Saturday, 8 h) with no bays or technicians, updatedBy null", responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = MonthResources.class))),
            @ApiResponse(responseCode = "400", description = "the month is not yyyy-MM") })
    @RequiresPermission("report.read")
    public MonthResources resources(@PathParam("month") String month, @Context SecurityContext security) {
        YearMonth m = month(month);
        return resources.inForce(m, RestActor.from(security)).orElseGet(() -> new MonthResources(m,
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY), new BigDecimal("8"), Map.of(), List.of(),
                BigDecimal.ZERO, null, null));
    }

    @PUT
    @Path("resources/{month}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "录入车间资源 Enter a month's resources: working weekdays, shift hours, bays by trade, technicians with wages, commission share", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ResourcesDraft.class))), responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = MonthResources.class))),
            @ApiResponse(responseCode = "400", description = "a field wrong (each named)") })
    @RequiresPermission("report.resources.edit")
    public MonthResources enter(@PathParam("month") String month, ResourcesDraft draft,
            @Context SecurityContext security) {
        YearMonth m = month(month);
        if (draft == null) {
            throw DmsException.invalid("body", "required", "请填写车间资源", "send the month's resources");
        }
        ParamReader read = new ParamReader();
        Set<DayOfWeek> week = EnumSet.noneOf(DayOfWeek.class);
        List<String> days = draft.workingWeekdays() == null ? List.of() : draft.workingWeekdays();
        for (int i = 0; i < days.size(); i++) {
            String field = "workingWeekdays[" + i + "]";
            String d = days.get(i);
            DayOfWeek day = read.value(() -> weekday(field, d));
            if (day != null) {
                week.add(day);
            }
        }
        Map<Trade, Integer> bays = new EnumMap<>(Trade.class);
        if (draft.bays() != null) {
            draft.bays().forEach((k, v) -> {
                Trade t = read.value(() -> trade("bays." + k, k));
                if (t != null) {
                    bays.put(t, v);
                }
            });
        }
        List<TechnicianDraft> techs = draft.technicians() == null ? List.of() : draft.technicians();
        List<TechnicianResource> technicians = new java.util.ArrayList<>();
        for (int i = 0; i < techs.size(); i++) {
            TechnicianDraft t = techs.get(i);
            String field = "technicians[" + i + "].trade";
            Trade trade = t == null ? null : read.value(() -> trade(field, t.trade()));
            technicians.add(t == null ? null : new TechnicianResource(t.login(), trade, t.wage()));
        }
        read.refuseIfAny();
        return resources.enter(new MonthResources(m, week, draft.shiftHours(), bays, technicians,
                draft.commissionShare(), null, null), RestActor.from(security));
    }

    @GET
    @Path("calendar")
    @Operation(summary = "工作日历 The holidays and extra working days of a period", responses = @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = CalendarDay.class)))))
    @RequiresPermission("report.read")
    public List<CalendarDay> calendar(@Parameter(description = FROM) @QueryParam("from") String from,
            @Parameter(description = TO) @QueryParam("to") String to, @Context SecurityContext security) {
        return resources.calendar(period(from, to), RestActor.from(security));
    }

    /** @param working true: an extra working day (调休上班); false: a holiday */
    public record Mark(Boolean working, String note) {
    }

    @PUT
    @Path("calendar/{day}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "标记节假日或调休上班 Mark a date as a holiday or an extra working day", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = Mark.class))), responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CalendarDay.class))),
            @ApiResponse(responseCode = "400", description = "the day, working or note wrong (each named)") })
    @RequiresPermission("report.resources.edit")
    public CalendarDay mark(@PathParam("day") String day, Mark mark, @Context SecurityContext security) {
        LocalDate d = Params.day("day", day);
        if (mark == null || mark.working() == null) {
            throw DmsException.invalid("working", "required", "请选择上班或休息", "say whether the shop works that day");
        }
        return resources.mark(new CalendarDay(d, mark.working(), mark.note()), RestActor.from(security));
    }

    @GET
    @Path("alerts")
    @Operation(summary = "经营预警 The alerts of the weeks overlapping a period (default this month), newest first", responses = @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = Alert.class)))))
    @RequiresPermission("report.read")
    public List<Alert> alerts(@Parameter(description = FROM) @QueryParam("from") String from,
            @Parameter(description = TO) @QueryParam("to") String to, @Context SecurityContext security) {
        return alerts.list(period(from, to), RestActor.from(security));
    }

    @POST
    @Path("alerts/check")
    @Operation(summary = "检查预警 Check the rules against the last full week before a day (default today); the platform also does it every hour", responses = @ApiResponse(responseCode = "200", description = "the alerts raised now (a week already alerted is not raised again)", content = @Content(array = @ArraySchema(schema = @Schema(implementation = Alert.class)))))
    @RequiresPermission("report.read")
    public List<Alert> check(
            @Parameter(description = "日期 yyyy-MM-dd: the week before the one holding it") @QueryParam("asOf") String asOf,
            @Context SecurityContext security) {
        LocalDate day = Params.day("asOf", asOf);
        return alerts.check(day == null ? clock.today() : day, RestActor.from(security));
    }

    @GET
    @Path("alert-rules")
    @Operation(summary = "预警规则 The alert rules with the shop's thresholds", responses = @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = AlertRule.class)))))
    @RequiresPermission("report.read")
    public List<AlertRule> rules(@Context SecurityContext security) {
        return alerts.rules(RestActor.from(security));
    }

    /** @param threshold a share between 0 and 1, e.g. 0.3 for 30 % */
    public record RuleChange(Boolean enabled, BigDecimal threshold) {
    }

    @PUT
    @Path("alert-rules/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "设置预警规则 Turn a rule on or off and set its threshold", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RuleChange.class))), responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AlertRule.class))),
            @ApiResponse(responseCode = "400", description = "enabled or threshold wrong (each named)"),
            @ApiResponse(responseCode = "404", description = "no such rule") })
    @RequiresPermission("report.alerts.edit")
    public AlertRule change(@PathParam("code") String code, RuleChange change, @Context SecurityContext security) {
        if (change == null || change.enabled() == null) {
            throw DmsException.invalid("enabled", "required", "请选择启用或停用", "say whether the rule is on");
        }
        return alerts.change(code, change.enabled(), change.threshold(), RestActor.from(security));
    }

    Period period(String from, String to) {
        ParamReader read = new ParamReader();
        LocalDate f = read.value(() -> Params.day("from", from));
        LocalDate t = read.value(() -> Params.day("to", to));
        read.refuseIfAny();
        YearMonth now = YearMonth.from(clock.today());
        return new Period(f == null ? (t == null ? now.atDay(1) : YearMonth.from(t).atDay(1)) : f,
                t == null ? (f == null ? now.atEndOfMonth() : YearMonth.from(f).atEndOfMonth()) : t);
    }

    static Granularity granularity(String by) {
        if (by == null || by.isBlank()) {
            return Granularity.MONTH;
        }
        try {
            return Granularity.valueOf(by.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DmsException.invalid("by", "invalid", "by 只能是 DAY、WEEK、MONTH、QUARTER 或 YEAR",
                    "by must be DAY, WEEK, MONTH, QUARTER or YEAR");
        }
    }

    static YearMonth month(String raw) {
        try {
            return YearMonth.parse(raw);
        } catch (DateTimeParseException e) {
            throw DmsException.invalid("month", "invalid", "月份格式为 yyyy-MM，如 2026-12",
                    "a month is yyyy-MM, e.g. 2026-12");
        }
    }

    static DayOfWeek weekday(String field, String raw) {
        try {
            return DayOfWeek.valueOf(raw.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw DmsException.invalid(field, "invalid", "星期须为 MONDAY 到 SUNDAY", "a weekday is MONDAY to SUNDAY");
        }
    }

    static Trade trade(String field, String raw) {
        try {
            return Trade.valueOf(raw.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw DmsException.invalid(field, "invalid", "工种须为 MECHANICAL（机修）、BODY（钣金）或 PAINT（喷漆）",
                    "a trade is MECHANICAL, BODY or PAINT");
        }
    }
}
