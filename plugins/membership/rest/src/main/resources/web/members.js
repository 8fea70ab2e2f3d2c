// 会员与储值: find or enrol a member, sell a top-up, set the PIN, let the member authorise a payment, and (manager)
// refund or adjust; the liability of stored value for the management. A plain ES module like the insurance pages.
import { reactive, ref, onMounted } from 'vue'
import { ElMessage } from 'element-plus'
import { api, isStale, can, t } from '@opendms/web'

const TENDERS = ['CASH', 'WECHAT', 'ALIPAY', 'BANK_CARD']

/** An amount typed in a box as the API takes it: a JSON number, null when empty (the API names what is missing). */
function amount(text) {
  const s = String(text ?? '').trim()
  if (s === '') return null
  const n = Number(s)
  return Number.isFinite(n) ? n : s
}

/** Runs an action whose refusal the host already showed under its message; the page stays as it was. */
async function quietly(action) {
  try {
    await action()
  } catch (e) {
    // shown by the host's api(); nothing else to do here
  }
}

export default {
  name: 'MembershipMembers',
  setup() {
    const paging = reactive({ page: 1, size: 20 })
    const number = ref('')
    const rows = ref([])
    const total = ref(0)
    const loading = ref(false)
    const names = reactive({})
    const join = reactive({ open: false, q: '', found: [], customerId: null, consent: false, channel: 'COUNTER', pin: '', saving: false })
    const card = reactive({ open: false, member: null, balance: null, ledger: [], points: null, pointsLedger: [], coupons: [] })
    const topUp = reactive({ amount: '', bonus: '', paidWith: 'CASH', reference: '' })
    const pin = reactive({ value: '' })
    const auth = reactive({ amount: '', pin: '', code: null, expiresAt: null })
    const fix = reactive({ kind: 'refund', direction: 'ADD', principal: '', bonus: '', reason: '' })
    const liability = reactive({ day: new Date().toISOString().slice(0, 10), figures: null, summary: null })
    const cards = reactive({ list: [], products: [], vehicles: [], sale: { productId: null, vehicleId: null, paidWith: 'CASH' } })
    const campaigns = reactive({ open: false, list: [], results: {}, draft: { code: '', name: '', kind: 'AMOUNT', value: '', threshold: '', dates: [], operations: '', tag: '' } })
    const tiers = reactive({ open: false, list: [], purchases: [], sale: { tier: null, paidWith: 'CASH', reference: '' } })
    const products = reactive({ open: false, list: [], draft: { code: '', name: '', price: '', uses: 5, operations: '', includesParts: false, validMonths: 12, binding: 'VEHICLE' } })

    async function search() {
      loading.value = true
      try {
        const text = number.value.trim()
        if (text && !/^M[0-9]+$/i.test(text)) {
          // not a member number: the customers by name, mobile or plate, and the members among them
          const found = (await api.get('/customers', { q: text, size: 20 })).items
          found.forEach((c) => { names[c.id] = c.name })
          const pages = await Promise.all(found.map((c) => api.get('/membership/members', { customerId: c.id, size: 1 })))
          rows.value = pages.flatMap((p) => p.items)
          total.value = rows.value.length
          return
        }
        const answer = await api.get('/membership/members', { number: text || undefined, page: paging.page - 1, size: paging.size })
        rows.value = answer.items
        total.value = answer.total
        await Promise.all(answer.items.filter((m) => !(m.customerId in names)).map(async (m) => {
          const c = await api.get('/customers/' + m.customerId, undefined, { quiet: true }).catch(() => null)
          names[m.customerId] = c ? c.name : '#' + m.customerId
        }))
      } finally {
        loading.value = false
      }
    }
    async function findCustomers() {
      if (!join.q.trim()) return
      await quietly(async () => {
        join.found = (await api.get('/customers', { q: join.q.trim(), size: 10 })).items
      })
    }
    async function enrol() {
      join.saving = true
      try {
        const m = await api.post('/membership/members', {
          customerId: join.customerId, consent: join.consent, consentChannel: join.channel, pin: join.pin || null
        })
        join.open = false
        ElMessage.success(t('membership.joined', { number: m.memberNumber }))
        await search()
        open(m)
      } catch (e) {
        // the host shows the refusal under its field's name
      } finally {
        join.saving = false
      }
    }
    async function open(member) {
      card.member = await api.get('/membership/members/' + member.id)
      await refreshCard()
      auth.code = null
      card.open = true
    }
    async function refreshCard() {
      const id = card.member.id
      card.balance = await api.get('/membership/members/' + id + '/balance')
      card.ledger = (await api.get('/membership/stored-value/' + id + '/ledger', { size: 50 })).items
      cards.list = await api.get('/membership/count-cards', { memberId: id })
      card.points = (await api.get('/membership/points/' + id)).points
      card.coupons = await api.get('/membership/campaigns/coupons', { memberId: id })
      card.pointsLedger = (await api.get('/membership/points/' + id + '/ledger', { size: 50 })).items
      tiers.purchases = await api.get('/membership/tiers/purchases/' + id)
      if (!tiers.list.length) tiers.list = await api.get('/membership/tiers')
      if (can('membership.card.sell')) {
        cards.products = await api.get('/membership/count-cards/products', { active: true })
        cards.vehicles = (await api.get('/vehicles', { customerId: card.member.customerId, active: true, size: 50 })).items
      }
    }
    async function sellCard() {
      await quietly(async () => {
        const sold = await api.post('/membership/count-cards', { memberId: card.member.id, ...cards.sale })
        ElMessage.success(t('membership.cardSold', { number: sold.cardNumber }))
        cards.sale.productId = null
        await refreshCard()
      })
    }
    function productOf(id) {
      return cards.products.find((p) => p.id === id)
    }
    async function openCampaigns() {
      campaigns.list = await api.get('/membership/campaigns')
      if (can('membership.report.read')) {
        campaigns.results = Object.fromEntries((await api.get('/membership/campaigns/results')).map((r) => [r.campaignId, r]))
      }
      campaigns.open = true
    }
    async function createCampaign() {
      const d = campaigns.draft
      await quietly(async () => {
        await api.post('/membership/campaigns', {
          code: d.code, name: d.name, kind: d.kind, value: amount(d.value), threshold: amount(d.threshold),
          validFrom: d.dates?.[0] ?? null, validTo: d.dates?.[1] ?? null, tag: d.tag || null,
          operations: d.operations.split(/[,，\s]+/).filter((x) => x)
        })
        ElMessage.success(t('common.saved'))
        Object.assign(d, { code: '', name: '', value: '', threshold: '', operations: '', tag: '' })
        await openCampaigns()
      })
    }
    async function issueCampaign(c) {
      await quietly(async () => {
        const r = await api.post('/membership/campaigns/issue', { campaignId: c.id })
        ElMessage.success(t('membership.issued', { n: r.issued }))
        await openCampaigns()
      })
    }
    async function openTiers() {
      tiers.list = await api.get('/membership/tiers')
      tiers.open = true
    }
    async function saveTier(row) {
      await quietly(async () => {
        const saved = await api.put('/membership/tiers/' + row.tier, { labourOff: amount(row.labourOff), partsOff: amount(row.partsOff) },
          { headers: { 'If-Match': '"' + row.version + '"' } })
        Object.assign(row, saved)
        ElMessage.success(t('common.saved'))
      })
    }
    async function buyTier() {
      await quietly(async () => {
        const sale = tiers.sale
        const bought = await api.post('/membership/tiers/purchases/' + card.member.id,
          { tier: sale.tier, paidWith: sale.paidWith, reference: sale.reference || null })
        ElMessage.success(t('membership.tierBought', { tier: t('membership.tiers.' + bought.tier), to: bought.validTo }))
        sale.tier = null
        card.member = await api.get('/membership/members/' + card.member.id)
        await refreshCard()
      })
    }
    async function openProducts() {
      products.list = await api.get('/membership/count-cards/products')
      products.open = true
    }
    async function defineProduct() {
      const d = products.draft
      await quietly(async () => {
        await api.post('/membership/count-cards/products', {
          code: d.code, name: d.name, price: amount(d.price), uses: d.uses, includesParts: d.includesParts,
          operations: d.operations.split(/[,，\s]+/).filter((x) => x), validMonths: d.validMonths, binding: d.binding
        })
        ElMessage.success(t('common.saved'))
        Object.assign(d, { code: '', name: '', price: '', operations: '' })
        products.list = await api.get('/membership/count-cards/products')
      })
    }
    async function sellTopUp() {
      await quietly(async () => {
        await api.post('/membership/stored-value/' + card.member.id + '/top-ups', {
          amount: amount(topUp.amount), bonus: amount(topUp.bonus), paidWith: topUp.paidWith, reference: topUp.reference || null
        })
        ElMessage.success(t('membership.toppedUp'))
        Object.assign(topUp, { amount: '', bonus: '', reference: '' })
        await refreshCard()
      })
    }
    async function setPin() {
      try {
        card.member = await api.put('/membership/members/' + card.member.id + '/pin', { pin: pin.value }, {
          headers: { 'If-Match': '"' + card.member.version + '"' }
        })
        pin.value = ''
        ElMessage.success(t('common.saved'))
      } catch (e) {
        if (isStale(e)) card.member = await api.get('/membership/members/' + card.member.id)
      }
    }
    async function authorise() {
      await quietly(async () => {
        const a = await api.post('/membership/members/' + card.member.id + '/authorisations', { pin: auth.pin, amount: amount(auth.amount) })
        auth.pin = ''
        auth.code = a.code
        auth.expiresAt = a.expiresAt
      })
    }
    async function correct() {
      const id = card.member.id
      await quietly(async () => {
        if (fix.kind === 'refund') {
          await api.post('/membership/stored-value/' + id + '/refunds', { principal: amount(fix.principal), reason: fix.reason })
        } else {
          await api.post('/membership/stored-value/' + id + '/adjustments', {
            direction: fix.direction, principal: amount(fix.principal), bonus: amount(fix.bonus), reason: fix.reason
          })
        }
        ElMessage.success(t('common.saved'))
        Object.assign(fix, { principal: '', bonus: '', reason: '' })
        await refreshCard()
      })
    }
    async function loadLiability() {
      await quietly(async () => {
        liability.figures = await api.get('/membership/stored-value/liability', { day: liability.day })
        liability.summary = await api.get('/membership/reports/summary', { day: liability.day })
      })
    }
    function kindName(kind) {
      return t('membership.kinds.' + kind)
    }
    onMounted(() => {
      search()
      if (can('membership.report.read')) loadLiability()
    })
    return { paging, number, rows, total, loading, names, join, card, topUp, pin, auth, fix, liability, cards, products, TENDERS,
      search, findCustomers, enrol, open, sellTopUp, setPin, authorise, correct, loadLiability, kindName, sellCard, productOf,
      openProducts, defineProduct, tiers, openTiers, saveTier, buyTier, campaigns, openCampaigns, createCampaign, issueCampaign, can, t }
  },
  template: `
<div data-test="membership-members">
  <el-card v-if="can('membership.report.read')" shadow="never" style="margin-bottom: 12px" data-test="membership-liability">
    <el-form inline @submit.prevent="loadLiability">
      <el-form-item :label="t('membership.liabilityDay')"><el-date-picker v-model="liability.day" type="date" value-format="YYYY-MM-DD" @change="loadLiability" /></el-form-item>
      <template v-if="liability.figures">
        <el-form-item :label="t('membership.principalOwed')"><b data-test="membership-liability-principal">¥{{ liability.figures.principal }}</b></el-form-item>
        <el-form-item :label="t('membership.bonusOutstanding')"><b>¥{{ liability.figures.bonus }}</b></el-form-item>
        <el-form-item :label="t('membership.membersWithBalance')"><b>{{ liability.figures.members }}</b></el-form-item>
      </template>
      <el-form-item>
        <a :href="'/api/membership/reports/export?day=' + liability.day" download data-test="membership-export">
          <el-button>{{ t('membership.export') }}</el-button>
        </a>
      </el-form-item>
      <div v-if="liability.summary" style="display: flex; gap: 16px; flex-wrap: wrap" data-test="membership-summary">
        <span v-for="(n, tier) in liability.summary.membersByTier" :key="tier">{{ t('membership.tiers.' + tier) }} {{ n }}</span>
        <span>{{ t('membership.pointsOutstanding') }} {{ liability.summary.pointsOutstanding }}</span>
        <span>{{ t('membership.cardsLine', liability.summary) }}</span>
      </div>
    </el-form>
  </el-card>
  <el-form inline @submit.prevent="paging.page = 1; search()">
    <el-form-item :label="t('membership.find')"><el-input v-model="number" clearable :placeholder="t('membership.findMemberHint')" style="width: 260px" data-test="membership-number" /></el-form-item>
    <el-form-item>
      <el-button type="primary" native-type="submit">{{ t('common.search') }}</el-button>
      <el-button v-if="can('membership.member.join')" type="success" data-test="membership-join-open" @click="join.open = true">{{ t('membership.join') }}</el-button>
      <el-button v-if="can('membership.rules.edit')" data-test="membership-products-open" @click="openProducts">{{ t('membership.products') }}</el-button>
      <el-button data-test="membership-tiers-open" @click="openTiers">{{ t('membership.tierBenefits') }}</el-button>
      <el-button v-if="can('membership.rules.edit') || can('membership.report.read')" data-test="membership-campaigns-open" @click="openCampaigns">{{ t('membership.campaigns') }}</el-button>
    </el-form-item>
  </el-form>
  <el-table :data="rows" v-loading="loading" stripe border data-test="membership-table">
    <el-table-column prop="memberNumber" :label="t('membership.number')" width="130" />
    <el-table-column :label="t('membership.customer')"><template #default="{ row }">{{ names[row.customerId] }}</template></el-table-column>
    <el-table-column :label="t('membership.tier')" width="100"><template #default="{ row }">{{ t('membership.tiers.' + row.tier) }}</template></el-table-column>
    <el-table-column :label="t('membership.pinSet')" width="90"><template #default="{ row }">{{ row.pinSet ? '✓' : '—' }}</template></el-table-column>
    <el-table-column :label="t('common.actions')" width="90">
      <template #default="{ row }"><el-button link type="primary" data-test="membership-open" @click="open(row)">{{ t('membership.card') }}</el-button></template>
    </el-table-column>
  </el-table>
  <el-pagination style="margin-top: 12px" layout="total, prev, pager, next" :total="total"
    v-model:current-page="paging.page" v-model:page-size="paging.size" @current-change="search" />

  <el-dialog v-model="join.open" :title="t('membership.join')" width="520px" data-test="membership-join">
    <el-form label-width="110px" @submit.prevent="enrol">
      <el-form-item :label="t('membership.findCustomer')">
        <el-input v-model="join.q" :placeholder="t('membership.findHint')" data-test="membership-join-q" @keyup.enter="findCustomers">
          <template #append><el-button data-test="membership-join-find" @click="findCustomers">{{ t('common.search') }}</el-button></template>
        </el-input>
      </el-form-item>
      <el-form-item :label="t('membership.customer')">
        <el-radio-group v-model="join.customerId" data-test="membership-join-customers">
          <el-radio v-for="c in join.found" :key="c.id" :value="c.id">{{ c.name }} {{ c.mobile || '' }}</el-radio>
        </el-radio-group>
      </el-form-item>
      <el-form-item :label="t('membership.channel')">
        <el-radio-group v-model="join.channel">
          <el-radio value="COUNTER">{{ t('membership.channels.COUNTER') }}</el-radio>
          <el-radio value="PHONE">{{ t('membership.channels.PHONE') }}</el-radio>
        </el-radio-group>
      </el-form-item>
      <el-form-item :label="t('membership.pin')"><el-input v-model="join.pin" type="password" maxlength="6" show-password data-test="membership-join-pin" /></el-form-item>
      <el-form-item><el-checkbox v-model="join.consent" data-test="membership-join-consent">{{ t('membership.consent') }}</el-checkbox></el-form-item>
      <el-form-item>
        <el-button type="primary" native-type="submit" :loading="join.saving" data-test="membership-join-submit">{{ t('membership.join') }}</el-button>
      </el-form-item>
    </el-form>
  </el-dialog>

  <el-drawer v-model="card.open" :title="card.member ? card.member.memberNumber + ' ' + (names[card.member.customerId] || '') : ''" size="560px" data-test="membership-card">
    <template v-if="card.balance">
      <el-descriptions :column="3" border>
        <el-descriptions-item :label="t('membership.principal')"><b data-test="membership-principal">¥{{ card.balance.principal }}</b></el-descriptions-item>
        <el-descriptions-item :label="t('membership.bonus')"><b data-test="membership-bonus">¥{{ card.balance.bonus }}</b></el-descriptions-item>
        <el-descriptions-item :label="t('membership.total')"><b data-test="membership-total">¥{{ card.balance.total }}</b></el-descriptions-item>
        <el-descriptions-item :label="t('membership.points')"><b data-test="membership-points">{{ card.points }}</b></el-descriptions-item>
        <el-descriptions-item :label="t('membership.tier')"><b data-test="membership-tier">{{ t('membership.tiers.' + card.member.tier) }}</b></el-descriptions-item>
      </el-descriptions>
      <el-tabs style="margin-top: 12px">
        <el-tab-pane v-if="can('membership.topup')" :label="t('membership.topUp')">
          <el-form label-width="100px" @submit.prevent="sellTopUp" data-test="membership-topup">
            <el-form-item :label="t('membership.amount')" required><el-input v-model="topUp.amount" inputmode="decimal" data-test="membership-topup-amount" /></el-form-item>
            <el-form-item :label="t('membership.bonusGiven')"><el-input v-model="topUp.bonus" inputmode="decimal" :placeholder="t('membership.bonusByRule')" data-test="membership-topup-bonus" /></el-form-item>
            <el-form-item :label="t('membership.paidWith')">
              <el-select v-model="topUp.paidWith" style="width: 140px"><el-option v-for="m in TENDERS" :key="m" :value="m" :label="t('membership.tenders.' + m)" /></el-select>
            </el-form-item>
            <el-form-item :label="t('membership.reference')"><el-input v-model="topUp.reference" maxlength="100" /></el-form-item>
            <el-form-item><el-button type="primary" native-type="submit" data-test="membership-topup-submit">{{ t('membership.topUp') }}</el-button></el-form-item>
          </el-form>
        </el-tab-pane>
        <el-tab-pane v-if="can('membership.pay')" :label="t('membership.authorise')">
          <el-form label-width="100px" @submit.prevent="authorise" data-test="membership-authorise">
            <el-form-item :label="t('membership.amount')" required><el-input v-model="auth.amount" inputmode="decimal" data-test="membership-auth-amount" /></el-form-item>
            <el-form-item :label="t('membership.memberPin')" required><el-input v-model="auth.pin" type="password" maxlength="6" show-password data-test="membership-auth-pin" /></el-form-item>
            <el-form-item><el-button type="primary" native-type="submit" data-test="membership-auth-submit">{{ t('membership.authorise') }}</el-button></el-form-item>
          </el-form>
          <el-alert v-if="auth.code" type="success" :closable="false" data-test="membership-auth-code"
            :title="t('membership.code', { code: auth.code })" :description="t('membership.codeHint')" />
        </el-tab-pane>
        <el-tab-pane :label="t('membership.countCards')" data-test="membership-cards">
          <el-table :data="cards.list" size="small" stripe :empty-text="t('membership.noCards')" data-test="membership-cards-table">
            <el-table-column prop="cardNumber" :label="t('membership.cardNumber')" width="110" />
            <el-table-column prop="productName" :label="t('membership.product')" />
            <el-table-column :label="t('membership.usesLeft')" width="90"><template #default="{ row }"><b>{{ row.usesLeft }}</b> / {{ row.uses }}</template></el-table-column>
            <el-table-column prop="expiresOn" :label="t('membership.expiresOn')" width="110" />
          </el-table>
          <el-form v-if="can('membership.card.sell')" inline style="margin-top: 12px" @submit.prevent="sellCard" data-test="membership-card-sale">
            <el-form-item :label="t('membership.product')">
              <el-select v-model="cards.sale.productId" style="width: 180px" data-test="membership-card-product">
                <el-option v-for="p in cards.products" :key="p.id" :value="p.id" :label="p.name + ' ' + p.uses + t('membership.times') + ' ¥' + p.price" />
              </el-select>
            </el-form-item>
            <el-form-item v-if="productOf(cards.sale.productId)?.binding === 'VEHICLE'" :label="t('membership.vehicle')">
              <el-select v-model="cards.sale.vehicleId" style="width: 140px" data-test="membership-card-vehicle">
                <el-option v-for="v in cards.vehicles" :key="v.id" :value="v.id" :label="v.plate" />
              </el-select>
            </el-form-item>
            <el-form-item :label="t('membership.paidWith')">
              <el-select v-model="cards.sale.paidWith" style="width: 110px"><el-option v-for="m in TENDERS" :key="m" :value="m" :label="t('membership.tenders.' + m)" /></el-select>
            </el-form-item>
            <el-form-item><el-button type="primary" native-type="submit" data-test="membership-card-sell">{{ t('membership.sellCard') }}</el-button></el-form-item>
          </el-form>
        </el-tab-pane>
        <el-tab-pane :label="t('membership.pointsLedger')" data-test="membership-points-tab">
          <el-table :data="card.pointsLedger" size="small" stripe :empty-text="t('membership.noPoints')">
            <el-table-column :label="t('membership.kind')" width="100"><template #default="{ row }">{{ t('membership.pointsKinds.' + row.kind) }}</template></el-table-column>
            <el-table-column prop="points" :label="t('membership.points')" align="right" width="90" />
            <el-table-column prop="balanceAfter" :label="t('membership.pointsAfter')" align="right" width="90" />
            <el-table-column prop="reference" :label="t('membership.reference')" />
            <el-table-column prop="expiresOn" :label="t('membership.expiresOn')" width="110" />
          </el-table>
        </el-tab-pane>
        <el-tab-pane :label="t('membership.coupons')" data-test="membership-coupons-tab">
          <el-table :data="card.coupons" size="small" stripe :empty-text="t('membership.noCoupons')">
            <el-table-column prop="code" :label="t('membership.couponCode')" width="150" />
            <el-table-column prop="campaignName" :label="t('membership.campaign')" />
            <el-table-column :label="t('membership.offer')" width="110"><template #default="{ row }">{{ row.kind === 'AMOUNT' ? '¥' + row.value : row.value + '%' }}{{ row.threshold ? ' ' + t('membership.over', { n: row.threshold }) : '' }}</template></el-table-column>
            <el-table-column prop="validTo" :label="t('membership.expiresOn')" width="110" />
            <el-table-column :label="t('membership.state')" width="80"><template #default="{ row }">{{ row.usedSettlementId ? t('membership.used') : t('membership.unused') }}</template></el-table-column>
          </el-table>
        </el-tab-pane>
        <el-tab-pane v-if="can('membership.member.join')" :label="t('membership.pin')">
          <el-form inline @submit.prevent="setPin">
            <el-form-item :label="t('membership.newPin')"><el-input v-model="pin.value" type="password" maxlength="6" show-password /></el-form-item>
            <el-form-item><el-button type="primary" native-type="submit">{{ t('common.save') }}</el-button></el-form-item>
          </el-form>
        </el-tab-pane>
        <el-tab-pane v-if="can('membership.refund') || can('membership.adjust')" :label="t('membership.correct')">
          <el-form label-width="100px" @submit.prevent="correct" data-test="membership-correct">
            <el-form-item>
              <el-radio-group v-model="fix.kind">
                <el-radio v-if="can('membership.refund')" value="refund">{{ t('membership.kinds.REFUND') }}</el-radio>
                <el-radio v-if="can('membership.adjust')" value="adjust">{{ t('membership.kinds.ADJUSTMENT') }}</el-radio>
              </el-radio-group>
            </el-form-item>
            <el-form-item v-if="fix.kind === 'adjust'" :label="t('membership.direction')">
              <el-radio-group v-model="fix.direction">
                <el-radio value="ADD">{{ t('membership.add') }}</el-radio>
                <el-radio value="DEDUCT">{{ t('membership.deduct') }}</el-radio>
              </el-radio-group>
            </el-form-item>
            <el-form-item :label="t('membership.principal')"><el-input v-model="fix.principal" inputmode="decimal" /></el-form-item>
            <el-form-item v-if="fix.kind === 'adjust'" :label="t('membership.bonus')"><el-input v-model="fix.bonus" inputmode="decimal" /></el-form-item>
            <el-form-item :label="t('membership.reason')" required><el-input v-model="fix.reason" maxlength="200" /></el-form-item>
            <el-form-item><el-button type="warning" native-type="submit">{{ t('common.save') }}</el-button></el-form-item>
          </el-form>
        </el-tab-pane>
        <el-tab-pane :label="t('membership.buyTier')" data-test="membership-tier-tab">
          <el-form v-if="can('membership.card.sell')" inline @submit.prevent="buyTier" data-test="membership-tier-buy">
            <el-form-item :label="t('membership.tier')">
              <el-select v-model="tiers.sale.tier" style="width: 200px" data-test="membership-tier-select">
                <el-option v-for="b in tiers.list.filter((x) => x.price)" :key="b.tier" :value="b.tier"
                  :label="t('membership.tierOffer', { tier: t('membership.tiers.' + b.tier), price: b.price, months: b.months })" />
              </el-select>
            </el-form-item>
            <el-form-item :label="t('membership.paidWith')">
              <el-select v-model="tiers.sale.paidWith" style="width: 120px"><el-option v-for="m in TENDERS" :key="m" :value="m" :label="t('membership.tenders.' + m)" /></el-select>
            </el-form-item>
            <el-form-item><el-button type="primary" native-type="submit" :disabled="!tiers.sale.tier" data-test="membership-tier-submit">{{ t('membership.buyTier') }}</el-button></el-form-item>
          </el-form>
          <el-table :data="tiers.purchases" size="small" stripe data-test="membership-tier-purchases">
            <el-table-column :label="t('membership.tier')" width="100"><template #default="{ row }">{{ t('membership.tiers.' + row.tier) }}</template></el-table-column>
            <el-table-column prop="price" :label="t('membership.price')" align="right" width="90" />
            <el-table-column :label="t('membership.validity')"><template #default="{ row }">{{ row.validFrom }} ~ {{ row.validTo }}</template></el-table-column>
            <el-table-column prop="soldBy" :label="t('membership.by')" width="100" />
          </el-table>
        </el-tab-pane>
      </el-tabs>
      <h4>{{ t('membership.ledger') }}</h4>
      <el-table :data="card.ledger" size="small" stripe data-test="membership-ledger">
        <el-table-column :label="t('membership.kind')" width="90"><template #default="{ row }">{{ kindName(row.kind) }}</template></el-table-column>
        <el-table-column prop="principal" :label="t('membership.principal')" align="right" />
        <el-table-column prop="bonus" :label="t('membership.bonus')" align="right" />
        <el-table-column :label="t('membership.after')" align="right"><template #default="{ row }">{{ row.principalAfter }} + {{ row.bonusAfter }}</template></el-table-column>
        <el-table-column prop="reference" :label="t('membership.reference')" />
        <el-table-column prop="by" :label="t('membership.by')" width="100" />
      </el-table>
    </template>
  </el-drawer>

  <el-dialog v-model="campaigns.open" :title="t('membership.campaigns')" width="820px" data-test="membership-campaigns">
    <el-table :data="campaigns.list" size="small" stripe>
      <el-table-column prop="code" :label="t('membership.codeLabel')" width="90" />
      <el-table-column prop="name" :label="t('membership.campaign')" />
      <el-table-column :label="t('membership.offer')" width="110"><template #default="{ row }">{{ row.kind === 'AMOUNT' ? '¥' + row.value : row.value + '%' }}{{ row.threshold ? ' ' + t('membership.over', { n: row.threshold }) : '' }}</template></el-table-column>
      <el-table-column :label="t('membership.dates')" width="190"><template #default="{ row }">{{ row.validFrom }} ~ {{ row.validTo }}</template></el-table-column>
      <el-table-column v-if="can('membership.report.read')" :label="t('membership.results')" width="200">
        <template #default="{ row }"><span v-if="campaigns.results[row.id]">{{ t('membership.resultLine', campaigns.results[row.id]) }}</span></template>
      </el-table-column>
      <el-table-column v-if="can('membership.rules.edit')" width="70">
        <template #default="{ row }"><el-button link type="primary" :data-test="'membership-issue-' + row.code" @click="issueCampaign(row)">{{ t('membership.issue') }}</el-button></template>
      </el-table-column>
    </el-table>
    <el-form v-if="can('membership.rules.edit')" label-width="100px" style="margin-top: 12px" @submit.prevent="createCampaign">
      <el-form-item :label="t('membership.codeLabel')" required><el-input v-model="campaigns.draft.code" maxlength="20" /></el-form-item>
      <el-form-item :label="t('membership.campaign')" required><el-input v-model="campaigns.draft.name" maxlength="60" /></el-form-item>
      <el-form-item :label="t('membership.offer')" required>
        <el-radio-group v-model="campaigns.draft.kind">
          <el-radio value="AMOUNT">{{ t('membership.kindsOffer.AMOUNT') }}</el-radio>
          <el-radio value="PERCENT">{{ t('membership.kindsOffer.PERCENT') }}</el-radio>
        </el-radio-group>
        <el-input v-model="campaigns.draft.value" inputmode="decimal" style="width: 120px; margin-left: 12px" />
      </el-form-item>
      <el-form-item :label="t('membership.threshold')"><el-input v-model="campaigns.draft.threshold" inputmode="decimal" style="width: 160px" /></el-form-item>
      <el-form-item :label="t('membership.dates')" required><el-date-picker v-model="campaigns.draft.dates" type="daterange" value-format="YYYY-MM-DD" /></el-form-item>
      <el-form-item :label="t('membership.operations')"><el-input v-model="campaigns.draft.operations" :placeholder="t('membership.wholeBill')" /></el-form-item>
      <el-form-item :label="t('membership.tag')"><el-input v-model="campaigns.draft.tag" maxlength="40" :placeholder="t('membership.anyone')" /></el-form-item>
      <el-form-item><el-button type="primary" native-type="submit">{{ t('common.save') }}</el-button></el-form-item>
    </el-form>
  </el-dialog>

  <el-dialog v-model="tiers.open" :title="t('membership.tierBenefits')" width="640px" data-test="membership-tiers">
    <el-table :data="tiers.list" size="small" border>
      <el-table-column :label="t('membership.tier')" width="110"><template #default="{ row }">{{ t('membership.tiers.' + row.tier) }}</template></el-table-column>
      <el-table-column :label="t('membership.labourOff')" width="130">
        <template #default="{ row }"><el-input v-model="row.labourOff" :disabled="!can('membership.rules.edit')" inputmode="decimal" :data-test="'membership-tier-labour-' + row.tier"><template #append>%</template></el-input></template>
      </el-table-column>
      <el-table-column :label="t('membership.partsOff')" width="130">
        <template #default="{ row }"><el-input v-model="row.partsOff" :disabled="!can('membership.rules.edit')" inputmode="decimal" :data-test="'membership-tier-parts-' + row.tier"><template #append>%</template></el-input></template>
      </el-table-column>
      <el-table-column :label="t('membership.forSale')"><template #default="{ row }">{{ row.price ? t('membership.priceFor', { price: row.price, months: row.months }) : '—' }}</template></el-table-column>
      <el-table-column v-if="can('membership.rules.edit')" width="80">
        <template #default="{ row }"><el-button link type="primary" :data-test="'membership-tier-save-' + row.tier" @click="saveTier(row)">{{ t('common.save') }}</el-button></template>
      </el-table-column>
    </el-table>
  </el-dialog>

  <el-dialog v-model="products.open" :title="t('membership.products')" width="720px" data-test="membership-products">
    <el-table :data="products.list" size="small" stripe>
      <el-table-column prop="code" :label="t('membership.codeLabel')" width="90" />
      <el-table-column prop="name" :label="t('membership.product')" />
      <el-table-column prop="uses" :label="t('membership.uses')" width="60" />
      <el-table-column prop="price" :label="t('membership.price')" width="80" align="right" />
      <el-table-column :label="t('membership.operations')"><template #default="{ row }">{{ row.operations.join('、') }}{{ row.includesParts ? t('membership.withParts') : '' }}</template></el-table-column>
      <el-table-column :label="t('membership.binding')" width="80"><template #default="{ row }">{{ t('membership.bindings.' + row.binding) }}</template></el-table-column>
    </el-table>
    <el-form label-width="100px" style="margin-top: 12px" @submit.prevent="defineProduct">
      <el-form-item :label="t('membership.codeLabel')" required><el-input v-model="products.draft.code" maxlength="20" data-test="membership-product-code" /></el-form-item>
      <el-form-item :label="t('membership.product')" required><el-input v-model="products.draft.name" maxlength="60" data-test="membership-product-name" /></el-form-item>
      <el-form-item :label="t('membership.price')" required><el-input v-model="products.draft.price" inputmode="decimal" data-test="membership-product-price" /></el-form-item>
      <el-form-item :label="t('membership.uses')" required><el-input-number v-model="products.draft.uses" :min="1" :max="100" /></el-form-item>
      <el-form-item :label="t('membership.operations')" required><el-input v-model="products.draft.operations" :placeholder="t('membership.operationsHint')" data-test="membership-product-operations" /></el-form-item>
      <el-form-item><el-checkbox v-model="products.draft.includesParts">{{ t('membership.includesParts') }}</el-checkbox></el-form-item>
      <el-form-item :label="t('membership.validMonths')"><el-input-number v-model="products.draft.validMonths" :min="1" :max="120" /></el-form-item>
      <el-form-item :label="t('membership.binding')">
        <el-radio-group v-model="products.draft.binding">
          <el-radio value="VEHICLE">{{ t('membership.bindings.VEHICLE') }}</el-radio>
          <el-radio value="CUSTOMER">{{ t('membership.bindings.CUSTOMER') }}</el-radio>
        </el-radio-group>
      </el-form-item>
      <el-form-item><el-button type="primary" native-type="submit" data-test="membership-product-save">{{ t('common.save') }}</el-button></el-form-item>
    </el-form>
  </el-dialog>
</div>`
}
