// 车险保单: the policies of a vehicle (or of any plate, insurer, kind), recorded and corrected in a drawer.
// A plain ES module: vue and the host's SDK by bare name, Element Plus components by tag (the host registered them).
import { reactive, ref, onMounted, watch } from 'vue'
import { useRoute } from 'vue-router'
import { ElMessage } from 'element-plus'
import { api, isStale, can, t } from '@opendms/web'

const KINDS = ['COMPULSORY', 'COMMERCIAL']

export default {
  name: 'InsurancePolicies',
  setup() {
    const route = useRoute()
    const query = reactive({ plate: route.query.plate || '', insurer: '', kind: '' })
    const paging = reactive({ page: 1, size: 20 })
    const rows = ref([])
    const total = ref(0)
    const loading = ref(false)
    const drawer = reactive({ open: false, saving: false, editing: null })
    const draft = reactive({})
    const form = ref()

    async function search() {
      loading.value = true
      try {
        const answer = await api.get('/insurance/policies', {
          vehicleId: route.query.vehicleId,
          plate: query.plate,
          insurer: query.insurer,
          kind: query.kind,
          page: paging.page - 1,
          size: paging.size
        })
        rows.value = answer.items
        total.value = answer.total
      } finally {
        loading.value = false
      }
    }
    function reset() {
      Object.assign(query, { plate: '', insurer: '', kind: '' })
      paging.page = 1
      search()
    }
    function openDrawer(policy) {
      drawer.editing = policy || null
      Object.assign(draft, {
        plate: policy ? policy.plate : query.plate,
        insurer: policy ? policy.insurer : '',
        policyNumber: policy ? policy.policyNumber : '',
        kind: policy ? policy.kind : 'COMMERCIAL',
        startDate: policy ? policy.startDate : '',
        endDate: policy ? policy.endDate : '',
        premium: policy ? policy.premium : '',
        note: policy ? policy.note || '' : ''
      })
      drawer.open = true
    }
    async function save() {
      drawer.saving = true
      try {
        const vehicle = drawer.editing
          ? { id: drawer.editing.vehicleId }
          : await api.get('/vehicles/by-plate/' + encodeURIComponent(draft.plate), undefined, { quiet: true }).catch((e) => {
              if (e.status === 404) throw new Error(t('insurance.vehicleNotFound', { plate: draft.plate }))
              throw e
            })
        const body = {
          vehicleId: vehicle.id,
          insurer: draft.insurer,
          policyNumber: draft.policyNumber,
          kind: draft.kind,
          startDate: draft.startDate || null,
          endDate: draft.endDate || null,
          premium: draft.premium === '' ? null : draft.premium,
          note: draft.note || null
        }
        if (drawer.editing) {
          await api.put('/insurance/policies/' + drawer.editing.id, body, {
            headers: { 'If-Match': '"' + drawer.editing.version + '"' }
          })
        } else {
          await api.post('/insurance/policies', body)
        }
        drawer.open = false
        ElMessage.success(t('common.saved'))
        search()
      } catch (e) {
        if (isStale(e)) {
          drawer.open = false
          search()
        } else if (!e.status) {
          ElMessage.error(e.message)
        }
      } finally {
        drawer.saving = false
      }
    }
    watch(() => route.query.plate, (plate) => {
      if (plate !== undefined) {
        query.plate = plate
        search()
      }
    })
    onMounted(search)
    return { query, paging, rows, total, loading, drawer, draft, form, KINDS, search, reset, openDrawer, save, can, t }
  },
  template: `
<div data-test="insurance-policies">
  <el-form inline :model="query" @submit.prevent="paging.page = 1; search()">
    <el-form-item :label="t('insurance.plate')"><el-input v-model="query.plate" :placeholder="t('insurance.platePlaceholder')" clearable /></el-form-item>
    <el-form-item :label="t('insurance.insurer')"><el-input v-model="query.insurer" clearable /></el-form-item>
    <el-form-item :label="t('insurance.kind')">
      <el-select v-model="query.kind" clearable style="width: 120px">
        <el-option v-for="k in KINDS" :key="k" :value="k" :label="t('insurance.' + k)" />
      </el-select>
    </el-form-item>
    <el-form-item>
      <el-button type="primary" native-type="submit">{{ t('common.search') }}</el-button>
      <el-button @click="reset">{{ t('common.reset') }}</el-button>
      <el-button v-if="can('insurance.policy.create')" type="success" @click="openDrawer(null)">{{ t('insurance.add') }}</el-button>
    </el-form-item>
  </el-form>
  <el-table :data="rows" v-loading="loading" stripe border>
    <el-table-column prop="plate" :label="t('insurance.plate')" width="120" />
    <el-table-column prop="insurer" :label="t('insurance.insurer')" />
    <el-table-column prop="policyNumber" :label="t('insurance.policyNumber')" />
    <el-table-column :label="t('insurance.kind')" width="100"><template #default="{ row }">{{ t('insurance.' + row.kind) }}</template></el-table-column>
    <el-table-column prop="startDate" :label="t('insurance.startDate')" width="120" />
    <el-table-column prop="endDate" :label="t('insurance.endDate')" width="120" />
    <el-table-column prop="premium" :label="t('insurance.premium')" width="120" align="right" />
    <el-table-column v-if="can('insurance.policy.update')" :label="t('common.actions')" width="90">
      <template #default="{ row }"><el-button link type="primary" @click="openDrawer(row)">{{ t('common.edit') }}</el-button></template>
    </el-table-column>
  </el-table>
  <el-pagination style="margin-top: 12px" layout="total, prev, pager, next, sizes" :total="total"
    v-model:current-page="paging.page" v-model:page-size="paging.size" @current-change="search" @size-change="search" />
  <el-drawer v-model="drawer.open" :title="drawer.editing ? t('insurance.edit') : t('insurance.add')" size="420px">
    <el-form ref="form" :model="draft" label-width="100px" @submit.prevent="save">
      <el-form-item :label="t('insurance.plate')" required><el-input v-model="draft.plate" :disabled="!!drawer.editing" :placeholder="t('insurance.platePlaceholder')" /></el-form-item>
      <el-form-item :label="t('insurance.insurer')" required><el-input v-model="draft.insurer" /></el-form-item>
      <el-form-item :label="t('insurance.policyNumber')" required><el-input v-model="draft.policyNumber" /></el-form-item>
      <el-form-item :label="t('insurance.kind')" required>
        <el-radio-group v-model="draft.kind"><el-radio v-for="k in KINDS" :key="k" :value="k">{{ t('insurance.' + k) }}</el-radio></el-radio-group>
      </el-form-item>
      <el-form-item :label="t('insurance.startDate')" required><el-date-picker v-model="draft.startDate" type="date" value-format="YYYY-MM-DD" /></el-form-item>
      <el-form-item :label="t('insurance.endDate')" required><el-date-picker v-model="draft.endDate" type="date" value-format="YYYY-MM-DD" /></el-form-item>
      <el-form-item :label="t('insurance.premium')" required><el-input v-model="draft.premium" inputmode="decimal" /></el-form-item>
      <el-form-item :label="t('insurance.note')"><el-input v-model="draft.note" type="textarea" maxlength="500" /></el-form-item>
      <el-form-item>
        <el-button type="primary" native-type="submit" :loading="drawer.saving">{{ t('common.save') }}</el-button>
        <el-button @click="drawer.open = false">{{ t('common.cancel') }}</el-button>
      </el-form-item>
    </el-form>
  </el-drawer>
</div>`
}
