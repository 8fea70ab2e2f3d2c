// The permissions the parts pages ask for, each with the names the permission table may give it (the parts services
// and their REST resources were written side by side: any one of the names is enough). routes.js repeats them
// literally, since the browser tests read the menus' permissions from that file.
export const PERMS = {
  catalogueRead: ['parts.catalogue.read', 'parts.read'],
  catalogueEdit: ['parts.catalogue.edit'],
  stockRead: ['parts.stock.read', 'parts.read'],
  limits: ['parts.stock.limits', 'parts.limits.edit'],
  receive: ['parts.receive', 'parts.stock.receive'],
  issue: ['parts.issue', 'parts.stock.issue'],
  return: ['parts.return', 'parts.stock.issue'],
  transfer: ['parts.transfer', 'parts.stock.transfer'],
  ledger: ['parts.ledger.read'],
  import: ['parts.import', 'parts.catalogue.edit'],
  cost: ['parts.cost.read'],
  supplierRead: ['parts.supplier.read'],
  poRead: ['parts.po.read'],
  poEdit: ['parts.po.edit'],
  poReceive: ['parts.po.receive'],
  stocktakeRead: ['parts.stocktake.read'],
  stocktakeCount: ['parts.stocktake.count'],
  stocktakeApprove: ['parts.stocktake.approve'],
  analysisRead: ['parts.analysis.read'],
  analysisCompute: ['parts.analysis.compute'],
}
