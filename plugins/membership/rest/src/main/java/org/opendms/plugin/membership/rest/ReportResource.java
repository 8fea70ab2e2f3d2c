package org.opendms.plugin.membership.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.rest.api.Params;
import org.opendms.platform.rest.api.PluginResource;
import org.opendms.platform.rest.api.RequiresPermission;
import org.opendms.platform.rest.api.RestActor;
import org.opendms.plugin.membership.api.CampaignResult;
import org.opendms.plugin.membership.api.Membership;
import org.opendms.plugin.membership.api.MembershipSummary;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** /api/membership/reports: the membership summary of a day, as JSON and as an Excel sheet. */
@Component(service = PluginResource.class)
@Path("reports")
@Tag(name = "会员报表 Membership reports")
public class ReportResource implements PluginResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Reference
    Membership membership;

    @GET
    @Path("summary")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "会员汇总 Members by tier, stored-value liability, points outstanding, count cards sold and used, campaign results", responses = @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = MembershipSummary.class))))
    @RequiresPermission("membership.report.read")
    public MembershipSummary summary(
            @Parameter(description = "shop day yyyy-MM-dd", required = true) @QueryParam("day") String day,
            @Context SecurityContext security) {
        return membership.summary(required(day), RestActor.from(security));
    }

    @GET
    @Path("export")
    @Produces({ XLSX, MediaType.APPLICATION_JSON })
    @Operation(summary = "导出会员汇总 The summary as xlsx", responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = XLSX, schema = @Schema(type = "string", format = "binary"))))
    @RequiresPermission("membership.report.read")
    public Response export(
            @Parameter(description = "shop day yyyy-MM-dd", required = true) @QueryParam("day") String day,
            @Context SecurityContext security) {
        MembershipSummary s = membership.summary(required(day), RestActor.from(security));
        return Response.ok(sheet(s), XLSX)
                .header("Content-Disposition", "attachment; filename=\"membership-" + s.day() + ".xlsx\"")
                .header("X-Content-Type-Options", "nosniff").build();
    }

    private static java.time.LocalDate required(String day) {
        java.time.LocalDate d = Params.day("day", day);
        if (d == null) {
            throw DmsException.invalid("day", "required", "请选择日期", "day is required");
        }
        return d;
    }

    static byte[] sheet(MembershipSummary s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "OpenDMS", "1.0");
            Worksheet ws = wb.newWorksheet("会员汇总 " + s.day());
            int r = 0;
            r = row(ws, r, true, "项目 Item", "数值 Value");
            for (Map.Entry<String, Long> t : s.membersByTier().entrySet()) {
                r = row(ws, r, false, "会员 members " + t.getKey(), t.getValue());
            }
            r = row(ws, r, false, "储值本金（负债） principal owed", s.liability().principal());
            r = row(ws, r, false, "储值赠送金 bonus", s.liability().bonus());
            r = row(ws, r, false, "有余额会员 members with a balance", s.liability().members());
            r = row(ws, r, false, "未用积分 points outstanding", s.pointsOutstanding());
            r = row(ws, r, false, "次卡售出 cards sold", s.cardsSold());
            r = row(ws, r, false, "次卡销售额 cards revenue", s.cardsRevenue());
            r = row(ws, r, false, "售出次数 uses sold", s.usesSold());
            r = row(ws, r, false, "已用次数 uses taken", s.usesTaken());
            r = row(ws, r, false, "剩余次数 uses left", s.usesLeft());
            r++;
            r = row(ws, r, true, "活动 Campaign", "发券 Issued", "使用 Used", "优惠 Discount", "营收 Revenue");
            for (CampaignResult c : s.campaigns()) {
                r = row(ws, r, false, c.code() + " " + c.name(), c.issued(), c.used(), c.discountGiven(), c.revenue());
            }
            ws.width(0, 36);
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("writing the workbook", e);
        }
        return out.toByteArray();
    }

    private static int row(Worksheet ws, int r, boolean header, Object... cells) {
        for (int c = 0; c < cells.length; c++) {
            Object v = cells[c];
            if (v instanceof Number n) {
                ws.value(r, c, n);
            } else {
                ws.value(r, c, String.valueOf(v));
            }
            if (header) {
                ws.style(r, c).bold().fillColor("DDEBF7").set();
            }
        }
        return r + 1;
    }

}
