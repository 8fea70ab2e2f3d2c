// A visit prepared through the API for the pages that start after it: reception, one labour line, approval, repair,
// the manager's QC pass and completion, then the customer's bill settled and paid in cash.
import { vin } from './vin.mjs';

/**
 * @param desk, cashier, manager: api() clients of the advisor, the cashier and the manager
 * @param car: { plate, vinSeed, ownerId, service (a labour operation code), unitPrice }
 */
export async function paidVisit(desk, cashier, manager, car) {
  const { visit, bill } = await billedVisit(desk, cashier, manager, car);
  const paid = (await cashier.post(`/settlements/${bill.id}/payments`,
    { tenders: [{ method: 'CASH', amount: Number(bill.payable), tendered: Number(bill.payable) }] },
    { 'If-Match': `"${bill.version}"` })).body;
  return { visit, bill: paid };
}

/** The same visit, completed and settled but not paid: the customer's bill waits at the cashier. */
export async function billedVisit(desk, cashier, manager, car) {
  let r = await desk.post('/work-orders', {
    plate: car.plate, vin: vin(car.vinSeed), ownerId: car.ownerId, mileageKm: 42000, visitTypes: ['MAINTENANCE'],
    concerns: [{ concern: '保养', payType: 'CUSTOMER' }],
  });
  const id = r.body.id;
  const job = r.body.jobs[0].id;
  r = await desk.post(`/work-orders/${id}/jobs/${job}/lines`,
    { type: 'LABOUR', code: car.service, description: '保养', quantity: 1, unitPrice: car.unitPrice, specialOrder: false }, { 'If-Match': r.etag });
  r = await desk.post(`/work-orders/${id}/jobs/${job}/approval`, { approvedBy: '车队调度', channel: 'PHONE' }, { 'If-Match': r.etag });
  r = await desk.post(`/work-orders/${id}/status`, { status: 'IN_REPAIR' }, { 'If-Match': r.etag });
  r = await manager.post(`/work-orders/${id}/status`, { status: 'AWAITING_QC', note: '工时未计时，经理放行' }, { 'If-Match': r.etag });
  for (const level of ['SELF', 'FOREMAN', 'FINAL']) {
    r = await manager.post(`/work-orders/${id}/qc`, { level, passed: true }, { 'If-Match': r.etag });
  }
  r = await desk.post(`/work-orders/${id}/status`, { status: 'COMPLETED' }, { 'If-Match': r.etag });
  const [doc] = (await cashier.post('/settlements', { workOrderId: id })).body;
  return { visit: { id, number: r.body.number }, bill: doc };
}
