package org.opendms.customer.rest;

import java.net.URI;
import java.util.List;
import java.util.Set;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.opendms.customer.api.Customer;
import org.opendms.customer.api.CustomerDraft;
import org.opendms.customer.api.CustomerQuery;
import org.opendms.customer.api.CustomerService;
import org.opendms.customer.api.PersonalDataAccess;
import org.opendms.customer.api.PersonalDataAccessEntry;
import org.opendms.customer.api.PersonalDataAccessQuery;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;
import org.opendms.platform.rest.api.DmsRest;
import org.opendms.platform.rest.api.Params;
import org.opendms.platform.rest.api.RequiresPermission;
import org.opendms.platform.rest.api.RestActor;
import org.opendms.vehicle.api.VehicleService;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
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

/** /api/customers: thin over {@link CustomerService}, which holds every rule. */
@Component(service = CustomerResource.class)
@JaxrsResource
@JaxrsExtensionSelect({ DmsRest.SECURITY, DmsRest.JSON, DmsRest.PROBLEMS })
@Path("customers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "客户 Customers")
public class CustomerResource {

    @Reference
    CustomerService customers;

    /** Only for search by plate; customers work without the vehicle bundles. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile VehicleService vehicles;

    /** The full mobile, returned only by the audited call. */
    public record MobileNumber(String mobile) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "新建客户 Create a customer", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CustomerDraft.class))), responses = {
            @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = Customer.class))),
            @ApiResponse(responseCode = "400", description = "a field is wrong"),
            @ApiResponse(responseCode = "409", description = "the mobile belongs to another customer") })
    @RequiresPermission("customer.create")
    public Response create(CustomerDraft draft, @Context SecurityContext security, @Context UriInfo uri) {
        Customer created = customers.create(draft, RestActor.from(security));
        URI location = uri.getAbsolutePathBuilder().path(Long.toString(created.id())).build();
        return Response.created(location).tag(Long.toString(created.version())).entity(created).build();
    }

    @GET
    @Operation(summary = "查找客户 Search customers by name, mobile (or its last digits) or plate; the search is recorded", responses = @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "a page of customers as the caller's role sees them: the mobiles masked, fields the role may not see null and named in masked (items, page, size, total)"))
    @RequiresPermission("customer.read")
    public Page<Customer> search(
            @Parameter(description = "姓名、手机号（可为尾号，限可查看手机号的角色；其他角色须输入完整手机号）或车牌 name, mobile or plate; part of a mobile only for roles that may read mobiles (to others it matches no mobile)") @QueryParam("q") String q,
            @Parameter(description = "page, from 0") @QueryParam("page") String page,
            @Parameter(description = "page size, 1–200") @QueryParam("size") String size,
            @Context SecurityContext security) {
        PageRequest request = PageRequest.of(Params.integer("page", page), Params.integer("size", size));
        VehicleService v = vehicles;
        Set<Long> byPlate = v == null || q == null || q.isBlank() ? Set.of() : v.customersWithVehiclesMatching(q);
        return customers.search(new CustomerQuery(q, byPlate, true, "q"), request, RestActor.from(security));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "客户详情 Read a customer as the caller's role sees it (mobile masked; ETag is the version)", responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Customer.class))),
            @ApiResponse(responseCode = "404", description = "no such customer") })
    @RequiresPermission("customer.read")
    public Response get(@PathParam("id") String id, @Context SecurityContext security) {
        Customer c = customers.get(Params.id("id", id), RestActor.from(security));
        return Response.ok(c).tag(Long.toString(c.version())).build();
    }

    @GET
    @Path("personal-data-access")
    @Operation(summary = "个人信息访问记录（全部客户，含查找）The personal-data access record across customers, searches included, newest first", responses = {
            @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "a page of records (items, page, size, total)"),
            @ApiResponse(responseCode = "400", description = "a parameter is wrong; the answer names it") })
    @RequiresPermission("customer.access-log.read")
    public Page<PersonalDataAccessEntry> accessLog(
            @Parameter(description = "用户名 the user who read, changed or searched") @QueryParam("actor") String actor,
            @Parameter(description = "CREATE, READ, UPDATE, SEARCH") @QueryParam("action") String action,
            @Parameter(description = "客户编号 one customer's reads and changes") @QueryParam("customerId") String customerId,
            @Parameter(description = "on or after, yyyy-MM-dd (shop time zone)") @QueryParam("from") String from,
            @Parameter(description = "on or before, yyyy-MM-dd (shop time zone)") @QueryParam("to") String to,
            @Parameter(description = "page, from 0") @QueryParam("page") String page,
            @Parameter(description = "page size, 1–200") @QueryParam("size") String size,
            @Context SecurityContext security) {
        PageRequest request = PageRequest.of(Params.integer("page", page), Params.integer("size", size));
        PersonalDataAccessQuery query = new PersonalDataAccessQuery(actor, Params.day("from", from),
                Params.day("to", to), action(action),
                customerId == null || customerId.isBlank() ? null : Params.id("customerId", customerId));
        return customers.personalDataAccessLog(query, request, RestActor.from(security));
    }

    private static PersonalDataAccess.Action action(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        for (PersonalDataAccess.Action a : PersonalDataAccess.Action.values()) {
            if (a.name().equals(raw)) {
                return a;
            }
        }
        throw DmsException.invalid("action", "wrong_type", "action 应为 CREATE、READ、UPDATE 或 SEARCH",
                "action must be CREATE, READ, UPDATE or SEARCH");
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "修改客户 Replace a customer's details (If-Match: the ETag read)", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CustomerDraft.class))), responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Customer.class))),
            @ApiResponse(responseCode = "409", description = "changed by someone else since it was read, or duplicate mobile") })
    @RequiresPermission("customer.update")
    public Response update(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            CustomerDraft draft, @Context SecurityContext security) {
        Customer c = customers.update(Params.id("id", id), Params.ifMatch(ifMatch), draft, RestActor.from(security));
        return Response.ok(c).tag(Long.toString(c.version())).build();
    }

    @GET
    @Path("{id}/mobile")
    @Operation(summary = "查看完整手机号（记录访问）Reveal the full mobile; the access is recorded", responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = MobileNumber.class))),
            @ApiResponse(responseCode = "403", description = "the role may not see full mobiles") })
    @RequiresPermission("customer.mobile.reveal")
    public MobileNumber mobile(@PathParam("id") String id, @Context SecurityContext security) {
        return new MobileNumber(customers.revealMobile(Params.id("id", id), RestActor.from(security)).value());
    }

    @GET
    @Path("{id}/personal-data-access")
    @Operation(summary = "个人信息访问记录 Who read or changed this customer's personal data", responses = @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = PersonalDataAccess.class)))))
    @RequiresPermission("customer.access-log.read")
    public List<PersonalDataAccess> access(@PathParam("id") String id, @Context SecurityContext security) {
        return customers.personalDataAccess(Params.id("id", id), RestActor.from(security));
    }
}
