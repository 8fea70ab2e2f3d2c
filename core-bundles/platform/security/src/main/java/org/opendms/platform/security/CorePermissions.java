package org.opendms.platform.security;

import static org.opendms.platform.api.Roles.ADMIN;
import static org.opendms.platform.api.Roles.ADVISOR;
import static org.opendms.platform.api.Roles.CASHIER;
import static org.opendms.platform.api.Roles.FOREMAN;
import static org.opendms.platform.api.Roles.INSPECTOR;
import static org.opendms.platform.api.Roles.MANAGER;
import static org.opendms.platform.api.Roles.PARTS;
import static org.opendms.platform.api.Roles.TECHNICIAN;

import java.util.List;

import org.opendms.platform.api.Roles;
import org.opendms.platform.api.security.Permission;
import org.opendms.platform.api.security.PermissionSet;

/**
 * THE role policy of core: every permission that core's services and REST resources name, with the roles that have
 * it. Plugins add theirs through {@link PermissionSet}; the README's "Who may do what" matrix is this table (the
 * role-matrix integration test fails when they differ).
 */
public final class CorePermissions implements PermissionSet {

    /** Every logged-in shop role. */
    private static final List<String> EVERYONE = Roles.ALL;
    /** The front desk: service advisors and the managers above them. */
    private static final List<String> FRONT_DESK = List.of(ADMIN, MANAGER, ADVISOR);
    private static final List<String> MANAGEMENT = List.of(ADMIN, MANAGER);
    /** Who deals with the customer in person or over a bill: the desk and the cashier. */
    private static final List<String> CUSTOMER_CONTACTS = List.of(ADMIN, MANAGER, ADVISOR, CASHIER);
    private static final List<String> ADMINS = List.of(ADMIN);
    /** 收银 and the managers above them. */
    private static final List<String> CASHIERS = List.of(ADMIN, MANAGER, CASHIER);
    /** 车间主管/调度 and the service manager standing in. */
    private static final List<String> DISPATCHERS = List.of(ADMIN, MANAGER, FOREMAN);
    /** Admins keep staff accounts; managers and foremen read them (to plan the workshop). */
    private static final List<String> STAFF_READERS = List.of(ADMIN, MANAGER, FOREMAN);
    /** The parts clerk (配件管理员) buys and counts; the management with him. */
    private static final List<String> PURCHASING = List.of(ADMIN, MANAGER, PARTS);
    /** 配件管理员 and the managers above them. */
    private static final List<String> PARTS_DESK = List.of(ADMIN, MANAGER, PARTS);
    /** Who sees what parts cost: the parts clerk (who receives at cost) and the management. */
    private static final List<String> PARTS_COSTS = List.of(ADMIN, MANAGER, PARTS);
    /** Who reserves stock for a work order's part lines: the desk (on the customer's approval) and the parts clerk. */
    private static final List<String> PARTS_RESERVERS = List.of(ADMIN, MANAGER, ADVISOR, PARTS);

    private static final List<Permission> TABLE = List.of(
            p("platform.permissions.read", "查看权限表", "read the permission table", EVERYONE),
            // logging in (POST /api/session) needs no permission: it is how a user gets one
            p("platform.session.read", "查看自己的登录信息", "see one's own login (name, roles, permissions)", EVERYONE),
            p("platform.session.end", "退出登录", "log out", EVERYONE),
            // the pages need the shop's time zone and VAT rate; hours, capacity and rates are the management's to set
            p("shop.settings.read", "查看店铺设置", "read the shop settings", EVERYONE),
            p("shop.settings.edit", "修改店铺设置", "change the shop settings", MANAGEMENT),
            p("platform.health.details", "查看健康详情（数据库与结构版本）", "see health details (database and schema versions)",
                    ADMINS),

            p("customer.read", "查看客户", "read customers", EVERYONE),
            p("customer.create", "新建客户", "create customers", FRONT_DESK),
            p("customer.update", "修改客户", "change customers", FRONT_DESK),
            // to call them, to settle a bill
            p("customer.mobile.reveal", "查看客户完整手机号", "see a customer's full mobile", CUSTOMER_CONTACTS),
            p("customer.access-log.read", "查看个人信息访问记录", "read the personal-data access log", MANAGEMENT),
            // Which customer fields each role sees (CustomerField names the fields of each permission). Without them a
            // role sees the name, type, tags and the car: what the workshop needs to know whose car it is.
            p("customer.read.contact", "查看客户联系方式（脱敏手机号、微信号）", "see a customer's contact (masked mobile, WeChat id)",
                    CUSTOMER_CONTACTS),
            // the invoice and the pick-up address
            p("customer.read.address", "查看客户地址", "see a customer's address", CUSTOMER_CONTACTS),
            // the desk's own notes on a customer (preferences, complaints)
            p("customer.read.notes", "查看客户备注", "see the notes on a customer", FRONT_DESK),
            // a search by part of a mobile narrows digit by digit to the whole number: only for roles that may read it
            p("customer.search.mobile-digits", "按手机号片段查找客户", "find customers by part of a mobile",
                    CUSTOMER_CONTACTS),

            p("vehicle.read", "查看车辆", "read vehicles", EVERYONE),
            p("vehicle.create", "登记车辆", "register vehicles", FRONT_DESK),
            p("vehicle.update", "修改车辆", "change vehicles", FRONT_DESK),
            // the technician reads the odometer in the workshop
            p("vehicle.odometer.record", "登记里程", "record odometer readings",
                    List.of(ADMIN, MANAGER, ADVISOR, TECHNICIAN)),

            p("appointment.read", "查看预约", "read appointments", EVERYONE),
            p("appointment.book", "预约", "book appointments", FRONT_DESK),
            p("appointment.arrive", "登记到店", "record arrivals", FRONT_DESK),
            p("appointment.no-show", "登记爽约", "record no-shows", FRONT_DESK),
            p("appointment.cancel", "取消预约", "cancel appointments", FRONT_DESK),

            p("workorder.read", "查看工单", "read work orders", EVERYONE),
            p("workorder.open", "开立工单", "open work orders", FRONT_DESK),
            // the foreman moves a work order through the workshop (IN_REPAIR, WAITING, AWAITING_QC)
            p("workorder.status.workshop", "推进工单的车间状态", "move work orders through the workshop",
                    List.of(ADMIN, MANAGER, ADVISOR, FOREMAN)),
            // completing, delivering and cancelling stay at the desk
            p("workorder.status.close", "完工、交车或取消工单", "complete, deliver or cancel work orders", FRONT_DESK),
            p("workorder.job.add", "添加维修项目", "add jobs", FRONT_DESK),
            p("workorder.line.add", "添加维修明细", "add lines", FRONT_DESK),
            p("workorder.line.remove", "删除维修明细", "remove lines", FRONT_DESK),
            // price authority: below the list price or above the role's discount limit (discountLimits) it becomes a
            // request for the manager, who sets such prices directly and decides the requests
            p("workorder.line.price", "修改明细单价或折扣", "change a line's price or discount", FRONT_DESK),
            p("workorder.price.approve", "审批改价（低于目录价或超出折扣权限）",
                    "approve prices below the list price or discounts above a role's limit", MANAGEMENT),
            p("workorder.job.approve", "登记客户确认", "record approvals", FRONT_DESK),
            p("workorder.job.decline", "登记客户拒绝", "record declined jobs", FRONT_DESK),
            p("workorder.dispatch", "派工", "dispatch jobs", DISPATCHERS),
            // a technician may only clock himself or herself (the service checks); the foreman anyone, which assigns
            // a job not yet dispatched to that technician on the spot
            p("workorder.clock", "登记技师计时", "clock technicians on or off", List.of(ADMIN, MANAGER, FOREMAN, TECHNICIAN)),
            p("workorder.clock.others", "为其他技师计时", "clock other technicians on or off", DISPATCHERS),
            // the three Cs: the technician who found and fixed it, the foreman, the advisor
            p("workorder.job.findings", "登记故障原因和维修措施", "record a job's cause and correction",
                    List.of(ADMIN, MANAGER, ADVISOR, FOREMAN, TECHNICIAN)),
            // a work order goes to QC without clocked labour only when the foreman (or manager) says why
            p("workorder.qc.release-unclocked", "无计时放行质检", "send a work order without clocked labour to QC",
                    DISPATCHERS),
            p("workorder.qc.self", "登记自检", "record self checks", List.of(ADMIN, MANAGER, TECHNICIAN)),
            p("workorder.qc.foreman", "登记班组检", "record foreman checks", List.of(ADMIN, MANAGER, FOREMAN)),
            p("workorder.qc.final", "登记终检", "record final checks", List.of(ADMIN, MANAGER, INSPECTOR)),
            p("workorder.comeback.decide", "判定返修", "decide on comebacks", FRONT_DESK),
            // the technicians find damage in the workshop
            p("workorder.photo.add", "上传环车照片", "add walk-around photos", List.of(ADMIN, MANAGER, ADVISOR, TECHNICIAN)),
            // parts on work orders (issue 13): the desk says a part line is not needed; the parts clerk's issues,
            // returns, orders and arrivals are recorded on the line and in the timeline
            p("workorder.line.not-needed", "标记配件明细无需领料", "mark a part line not needed", FRONT_DESK),
            p("workorder.line.parts", "登记配件明细的领料、退料、订货与到货",
                    "record issues, returns, orders and arrivals on part lines", List.of(ADMIN, MANAGER, PARTS)),
            // settlement (issue 14): the cashier settles and takes money, the manager approves what goes beyond the
            // rules, advisors read the bill to explain it to the customer
            p("settlement.read", "查看结算单", "read settlement documents", CUSTOMER_CONTACTS),
            p("settlement.settle", "结算工单", "settle work orders", CASHIERS),
            p("settlement.pay", "收款", "take payments", CASHIERS),
            p("settlement.deposit.take", "收取订金", "take deposits", CASHIERS),
            p("settlement.discount.approve", "审批超限折扣", "approve discounts over the limit", MANAGEMENT),
            p("settlement.credit.over-limit", "批准超出信用额度挂账", "approve credit over the limit", MANAGEMENT),
            p("settlement.credit.edit", "维护挂账客户的信用额度", "keep credit accounts and limits", MANAGEMENT),
            p("settlement.reverse", "红冲结算单", "reverse settlement documents", MANAGEMENT),
            p("settlement.pay-later", "批准未付款交车", "let a car leave before it is paid", MANAGEMENT),
            p("settlement.credit.overdue", "批准逾期账户继续挂账", "let an overdue account take new credit", MANAGEMENT),
            p("settlement.statement.issue", "出具挂账对账单", "issue monthly statements of credit accounts", CASHIERS),
            p("settlement.credit.receive", "登记挂账回款", "take receipts against statements", CASHIERS),
            p("settlement.cashup.count", "交班清点现金", "count the cash at the end of the day", CASHIERS),
            p("settlement.cashup.close", "审核关闭日结", "close a cashier's day", MANAGEMENT),
            // online payments (在线支付): the cashier starts and follows them; giving money back is the management's
            p("settlement.online.read", "查看在线支付", "see online payments (WeChat Pay QR, payment code)", CASHIERS),
            p("settlement.online.start", "发起在线支付（扫码、付款码）", "start online payments (QR, payment code)", CASHIERS),
            p("settlement.online.refund", "在线支付退款", "refund online payments through the provider", MANAGEMENT),
            // invoices (发票, issue 14): the cashier takes the customer's request, issues and exports them for the tax
            // software; voiding an issued invoice is the management's
            p("invoice.read", "查看发票申请与发票", "read invoice requests and invoices", CASHIERS),
            p("invoice.request", "登记开票申请", "record a customer's invoice request", CASHIERS),
            p("invoice.cancel", "取消未开票的申请", "cancel an invoice request not issued yet", CASHIERS),
            p("invoice.issue", "开票（登记发票号码或经开票平台）", "issue invoices (record the number, or through the provider)",
                    CASHIERS),
            p("invoice.export", "导出开票申请（供税务软件）", "export invoice requests for the tax software", CASHIERS),
            p("invoice.void", "作废发票", "void issued invoices", MANAGEMENT),
            // reports and KPIs (报表, issue 15): figures of the whole shop are the management's; the resources they
            // divide by (bays, technicians, wages, calendar) likewise; a rebuild is the administrator's
            p("report.read", "查看报表与 KPI", "read reports and KPIs", MANAGEMENT),
            p("report.resources.edit", "录入车间资源与工作日历", "enter workshop resources and the shop calendar", MANAGEMENT),
            p("report.alerts.edit", "设置经营预警规则", "set the alert rules", MANAGEMENT),
            p("report.rebuild", "重算报表数据", "rebuild the report facts of a period", ADMINS),
            // printed sheets (issue 14): each sheet is printed by whoever hands it over; the manager stands in for all
            p("print.authorisation", "打印维修委托书", "print the repair authorisation", FRONT_DESK),
            p("print.job-sheet", "打印派工单", "print job sheets", List.of(ADMIN, MANAGER, ADVISOR, FOREMAN)),
            p("print.pick-list", "打印领料单", "print pick lists", List.of(ADMIN, MANAGER, PARTS, FOREMAN)),
            p("print.bill", "打印结算单", "print the customer's bill", CUSTOMER_CONTACTS),
            p("print.certificate", "打印竣工出厂合格证", "print the completion certificate", FRONT_DESK),
            p("labour.catalogue.read", "查看工时目录", "read the labour catalogue", EVERYONE),
            p("labour.catalogue.edit", "维护工时目录", "keep the labour catalogue", MANAGEMENT),
            p("technician.skills.read", "查看技师技能", "read the technician skill table", EVERYONE),
            p("technician.skills.edit", "维护技师技能", "keep the technician skill table", DISPATCHERS),

            // parts (配件): the parts clerk does parts; advisors see availability and retail prices and reserve for the
            // jobs customers approve; costs for the clerk and the management; stock adjustments only by the management
            p("parts.read", "查看配件、库存与零售价", "read parts, stock and retail prices", EVERYONE),
            p("parts.cost.read", "查看配件成本与库存金额", "see part costs and stock value", PARTS_COSTS),
            p("parts.catalogue.edit", "维护配件档案与替代关系", "keep the parts catalogue and supersessions", PARTS_DESK),
            p("parts.warehouse.edit", "维护仓库与库位", "keep warehouses and bins", PARTS_DESK),
            p("parts.limits.edit", "设置库存上下限与订货点", "set stock minimum, maximum and reorder point", PARTS_DESK),
            p("parts.stock.receive", "配件入库", "receive parts", PARTS_DESK),
            p("parts.stock.issue", "工单领料与退料", "issue parts to work orders and take returns", PARTS_DESK),
            p("parts.stock.transfer", "仓库调拨", "transfer stock between warehouses", PARTS_DESK),
            p("parts.stock.adjust", "库存调整（盘点差异过账）", "adjust stock (post stocktake variances)", MANAGEMENT),
            p("parts.stock.return-supplier", "退供应商", "return parts to suppliers", PARTS_DESK),
            p("parts.stock.old-part", "旧件入库（以坏换新）", "keep failed parts for warranty (old for new)", PARTS_DESK),
            p("parts.reserve", "为工单预留或释放配件", "reserve or release parts for work orders", PARTS_RESERVERS),
            p("parts.ledger.read", "查看库存流水", "read the stock ledger", PARTS_COSTS),

            p("staff.read", "查看员工账号", "read staff accounts", STAFF_READERS),
            p("staff.changes.read", "查看员工账号的修改记录", "read the changes to staff accounts", STAFF_READERS),
            p("staff.add", "添加员工", "add staff", ADMINS),
            p("staff.update", "修改员工", "change staff", ADMINS),
            p("staff.disable", "停用员工账号", "disable staff accounts", ADMINS),
            p("staff.enable", "启用员工账号", "enable staff accounts", ADMINS),
            p("staff.password.own", "修改自己的密码", "change one's own password", EVERYONE),
            p("staff.password.others", "修改他人的密码", "set another person's password", ADMINS),
            // the skill catalogue (工种): everyone reads it to fill in forms; the shop's management keeps it
            p("skill.read", "查看工种目录", "read the skill catalogue", EVERYONE),
            p("skill.edit", "维护工种目录", "keep the skill catalogue", MANAGEMENT),
            p("staff.login.read", "查看登录失败、锁定记录", "read failed logins and login locks", ADMINS),
            p("staff.login.unlock", "解除登录锁定", "unlock locked logins", ADMINS),

            // purchasing and stocktake (采购、盘点): the parts clerk drafts, sends and receives orders and counts; the
            // manager approves stocktake variances (and sees their value: parts.cost.read)
            p("parts.supplier.read", "查看供应商及其报价", "read suppliers and their prices", PURCHASING),
            p("parts.supplier.edit", "维护供应商及其报价", "keep suppliers and their prices", PURCHASING),
            p("parts.po.read", "查看采购单和补货建议", "read purchase orders and order suggestions", PURCHASING),
            p("parts.po.edit", "编制、发送、取消采购单", "draft, send and cancel purchase orders", PURCHASING),
            p("parts.po.receive", "采购到货入库", "receive against purchase orders", PURCHASING),
            p("parts.stocktake.read", "查看盘点单", "read stocktakes", PURCHASING),
            p("parts.stocktake.count", "开盘点单、录入盘点数量", "open stocktakes and enter counts", PURCHASING),
            p("parts.stocktake.approve", "审批盘点差异（过账）", "approve stocktake variances (post them)", MANAGEMENT),
            p("parts.analysis.read", "查看库存预警与分析", "read stock alerts and analysis", PURCHASING),
            p("parts.analysis.compute", "重新计算ABC分类", "recompute the ABC classification", PURCHASING),
            // the parts figures the KPI pack reads (fill rate, urgent orders, turnover): the parts clerk and the management
            p("parts.figures.read", "查看配件经营指标（供应率、紧急订货率、周转率）",
                    "read the parts figures (fill rate, urgent orders, turnover)", PURCHASING),

            p("plugin.read", "查看插件", "see plugins", ADMINS),
            p("plugin.enable", "启用插件", "enable plugins", ADMINS),
            p("plugin.disable", "停用插件", "disable plugins", ADMINS),
            p("plugin.update", "更新插件", "update plugins", ADMINS),
            p("plugin.add", "添加插件", "add plugins", ADMINS),
            p("plugin.remove", "移除插件", "remove plugins", ADMINS),
            p("plugin.operations.read", "查看插件操作记录", "see plugin operations", ADMINS),

            // the staff web app: pushed updates (the board moves a card when anyone moves a work order; each event
            // only to those who may read it) and the pages of running plugins (each only when its permission is held)
            p("web.live", "接收实时推送", "receive live updates in the web app", EVERYONE),
            p("web.extensions.read", "查看插件页面列表", "list the plugin pages of the web app", EVERYONE),

            // who changed which field of which record, old and new value (personal data masked)
            p("audit.read", "查看修改留痕", "read the audit trail", MANAGEMENT));

    @Override
    public List<Permission> permissions() {
        return TABLE;
    }

    private static Permission p(String name, String zh, String en, List<String> roles) {
        return new Permission(name, zh, en, roles);
    }
}
