package org.opendms.settlement.rest;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.opendms.platform.api.DmsException;
import org.opendms.platform.rest.api.DmsRest;
import org.opendms.platform.rest.api.Params;
import org.opendms.platform.rest.api.RequiresPermission;
import org.opendms.platform.rest.api.RestActor;
import org.opendms.settlement.api.Ageing;
import org.opendms.settlement.api.CreditReceipt;
import org.opendms.settlement.api.CreditStatement;
import org.opendms.settlement.api.CreditStatements;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** /api/credit-accounts: monthly statements, receipts and ageing of 挂账 accounts; thin over {@link CreditStatements}. */
@Component(service = CreditResource.class)
@JaxrsResource
@JaxrsExtensionSelect({ DmsRest.SECURITY, DmsRest.JSON, DmsRest.PROBLEMS })
@Path("credit-accounts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "挂账 Credit accounts")
public class CreditResource {

    @Reference
    CreditStatements statements;

    /** @param period the month, yyyy-MM */
    public record CreditStatementRequest(String period) {
    }

    /** @param method CASH or TRANSFER; reference the bank's transfer number (required for TRANSFER) */
    public record CreditReceiptDraft(String method, BigDecimal amount, String reference) {
    }

    @GET
    @Path("ageing")
    @Operation(summary = "账龄 Every credit account's ageing (current, 1–30, 31–60, 61–90, over 90 days past due)", responses = @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = Ageing.class)))))
    @RequiresPermission("settlement.read")
    public List<Ageing> ageing() {
        return statements.ageing();
    }

    @GET
    @Path("{customerId}/ageing")
    @Operation(summary = "客户账龄 A credit account's ageing", responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Ageing.class))),
            @ApiResponse(responseCode = "404", description = "the customer has no account") })
    @RequiresPermission("settlement.read")
    public Ageing ageingOf(@PathParam("customerId") String customerId) {
        return statements.ageing(Params.id("customerId", customerId));
    }

    @GET
    @Path("{customerId}/statements")
    @Operation(summary = "对账单 A credit account's monthly statements, newest first", responses = @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = CreditStatement.class)))))
    @RequiresPermission("settlement.read")
    public List<CreditStatement> statementsOf(@PathParam("customerId") String customerId) {
        return statements.statements(Params.id("customerId", customerId));
    }

    @POST
    @Path("{customerId}/statements")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "出对账单 The month's statement of a credit account; asking again gives the same statement", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CreditStatementRequest.class))), responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CreditStatement.class))),
            @ApiResponse(responseCode = "400", description = "period not yyyy-MM, or a month not begun"),
            @ApiResponse(responseCode = "404", description = "the customer has no account") })
    @RequiresPermission("settlement.statement.issue")
    public CreditStatement issue(@PathParam("customerId") String customerId, CreditStatementRequest request,
            @Context SecurityContext security) {
        long id = Params.id("customerId", customerId);
        return statements.issue(id, request == null ? null : request.period(), RestActor.from(security));
    }

    @GET
    @Path("statements/{id}")
    @Operation(summary = "对账单明细 A statement with its documents and receipts", responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CreditStatement.class))),
            @ApiResponse(responseCode = "404", description = "no such statement") })
    @RequiresPermission("settlement.read")
    public CreditStatement statement(@PathParam("id") String id) {
        return statements.statement(Params.id("id", id));
    }

    @POST
    @Path("statements/{id}/receipts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "登记回款 Money received against a statement (cash or transfer; partial allowed, never more than owed)", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CreditReceiptDraft.class))), responses = {
            @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = CreditReceipt.class))),
            @ApiResponse(responseCode = "400", description = "amount, method or reference wrong (each named)"),
            @ApiResponse(responseCode = "404", description = "no such statement"),
            @ApiResponse(responseCode = "409", description = "more than the statement owes (statement.overpaid)") })
    @RequiresPermission("settlement.credit.receive")
    public Response receive(@PathParam("id") String id, CreditReceiptDraft draft, @Context SecurityContext security,
            @Context UriInfo uri) {
        long statementId = Params.id("id", id);
        if (draft == null) {
            throw DmsException.invalid("amount", "required", "请填写回款金额", "the amount received is required");
        }
        CreditReceipt r = statements.receive(statementId, draft.method(), draft.amount(), draft.reference(),
                RestActor.from(security));
        URI location = uri.getBaseUriBuilder().path("credit-accounts").path("statements")
                .path(Long.toString(statementId)).build();
        return Response.created(location).entity(r).build();
    }
}
