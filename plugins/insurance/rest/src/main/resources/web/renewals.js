// 续保名单: vehicles whose insurance ends soon or ended lately and is not renewed, for the desk to call the owner.
import { ref, onMounted } from 'vue'
import { useRouter } from 'vue-router'
import { api, can, t } from '@opendms/web'

export default {
  name: 'InsuranceRenewals',
  setup() {
    const router = useRouter()
    const days = ref(null)
    const shownDays = ref(null)
    const rows = ref([])
    const loading = ref(false)

    async function search() {
      loading.value = true
      try {
        const answer = await api.get('/insurance/renewals', { days: days.value })
        rows.value = answer.items
        shownDays.value = answer.days
        if (days.value === null) days.value = answer.days
      } finally {
        loading.value = false
      }
    }
    function daysText(row) {
      return row.daysLeft < 0 ? t('insurance.overdue', { n: -row.daysLeft }) : t('insurance.left', { n: row.daysLeft })
    }
    function tagType(row) {
      return row.daysLeft < 0 ? 'danger' : row.daysLeft <= 15 ? 'warning' : 'info'
    }
    function policiesOf(row) {
      router.push({ path: '/insurance/policies', query: { plate: row.plate } })
    }
    onMounted(search)
    return { days, shownDays, rows, loading, search, daysText, tagType, policiesOf, can, t }
  },
  template: `
<div data-test="insurance-renewals">
  <el-form inline @submit.prevent="search">
    <el-form-item :label="t('insurance.days')"><el-input-number v-model="days" :min="1" :max="365" /></el-form-item>
    <el-form-item><el-button type="primary" native-type="submit">{{ t('common.search') }}</el-button></el-form-item>
  </el-form>
  <el-alert v-if="shownDays" :title="t('insurance.windowHint', { days: shownDays })" type="info" :closable="false" style="margin-bottom: 12px" />
  <el-table :data="rows" v-loading="loading" stripe border>
    <el-table-column prop="plate" :label="t('insurance.plate')" width="120" />
    <el-table-column :label="t('insurance.kind')" width="100"><template #default="{ row }">{{ row.kind ? t('insurance.' + row.kind) : '' }}</template></el-table-column>
    <el-table-column prop="insurer" :label="t('insurance.insurer')" />
    <el-table-column prop="policyNumber" :label="t('insurance.policyNumber')" />
    <el-table-column prop="endDate" :label="t('insurance.endDate')" width="120" />
    <el-table-column :label="t('insurance.daysLeft')" width="120"><template #default="{ row }"><el-tag :type="tagType(row)">{{ daysText(row) }}</el-tag></template></el-table-column>
    <el-table-column :label="t('insurance.source')" width="100"><template #default="{ row }">{{ t('insurance.' + row.source) }}</template></el-table-column>
    <el-table-column v-if="can('insurance.policy.read')" :label="t('common.actions')" width="90">
      <template #default="{ row }"><el-button link type="primary" @click="policiesOf(row)">{{ t('insurance.openPolicies') }}</el-button></template>
    </el-table-column>
  </el-table>
  <div style="margin-top: 12px">{{ t('common.total', { n: rows.length }) }}</div>
</div>`
}
