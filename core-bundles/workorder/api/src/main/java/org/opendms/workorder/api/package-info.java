/**
 * Published work-order API (维修工单), one service per seam of the workshop: {@link org.opendms.workorder.api.Reception},
 * {@link org.opendms.workorder.api.WorkOrders} (reads), {@link org.opendms.workorder.api.WorkOrderFlow} (status),
 * {@link org.opendms.workorder.api.Jobs} (jobs, lines, approvals), {@link org.opendms.workorder.api.LabourCatalogue},
 * {@link org.opendms.workorder.api.Dispatch}, {@link org.opendms.workorder.api.Clocks},
 * {@link org.opendms.workorder.api.QualityControl} and {@link org.opendms.workorder.api.WalkAroundPhotos}. Plugins
 * listen to work-order events through {@code org.opendms.workorder.api.event.WorkOrderListener}.
 * <p>
 * 2.0.0: the single {@code WorkOrderService} split into these services; role lists left the API.
 * 2.1.0: on-time and late on {@link org.opendms.workorder.api.WorkOrder}; a search by several statuses, open, late and
 * customer; the promised time moved with a reason; {@link org.opendms.workorder.api.FollowUps} of declined jobs.
 * 2.2.0: price authority: {@link org.opendms.workorder.api.PriceAuthority} with its requests, the
 * {@link org.opendms.workorder.api.ListPrices} hook, and a reason on {@link org.opendms.workorder.api.LineDraft}.
 * 2.2.0 (also): a search for a person, whose customer search follows the customer archive's rules for that person.
 * 3.0.0: skills are the codes of the shop's configurable skill catalogue ({@code org.opendms.staff.api.SkillCatalogue})
 * instead of the {@link org.opendms.workorder.api.Skill} enum (deprecated; its four codes stay valid), so the JSON of
 * the labour catalogue and the skill table is unchanged; a job needing a skill is dispatched to technicians without it
 * only with the foreman's reason ({@link org.opendms.workorder.api.Dispatch#assign(long, long, long, java.util.List,
 * String, String, org.opendms.platform.api.Actor)}).
 * 3.1.0: parts: the {@link org.opendms.workorder.api.PartNumbers} and {@link org.opendms.workorder.api.CompletionRule}
 * hooks the parts module registers, {@link org.opendms.workorder.api.PartLines} (a part line marked not needed; issues,
 * returns and other part steps recorded on the line and in the timeline), a special-order mark on
 * {@link org.opendms.workorder.api.LineDraft} and {@link org.opendms.workorder.api.Line}, and the issue cost on the
 * line.
 */
@Export
@Version("3.1.0")
package org.opendms.workorder.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
