// The plugin's page: a plain ES module (no build step). vue and element-plus are the host's, imported by bare name;
// '@opendms/web' is the host's SDK (api calls with the user's session, can(), t(), onLive()). Element Plus components
// are used by tag: the host registered them. Strings are in messages.json next to this file.
import { reactive, ref, onMounted } from 'vue'
import { api, can, t } from '@opendms/web'

export default {
  name: 'VehicleNotes',
  setup() {
    const query = reactive({ vehicleId: '' })
    const draft = reactive({ vehicleId: '', text: '' })
    const rows = ref([])
    const loading = ref(false)

    async function search() {
      loading.value = true
      try {
        rows.value = await api.get('/${pluginId}/notes', { vehicleId: query.vehicleId, limit: 50 })
      } finally {
        loading.value = false
      }
    }
    async function add() {
      // a refusal (missing field, no such vehicle) is shown by the host in the API's own words
      await api.post('/${pluginId}/notes', { vehicleId: draft.vehicleId, text: draft.text })
      draft.text = ''
      search()
    }
    onMounted(search)
    return { query, draft, rows, loading, search, add, can, t }
  },
  template: `
<div data-test="${pluginId}-notes">
  <el-form inline @submit.prevent="search">
    <el-form-item :label="t('${pluginId}.vehicleId')"><el-input v-model="query.vehicleId" clearable /></el-form-item>
    <el-form-item><el-button type="primary" native-type="submit">{{ t('common.search') }}</el-button></el-form-item>
  </el-form>
  <el-form v-if="can('${pluginId}.note.write')" inline @submit.prevent="add">
    <el-form-item :label="t('${pluginId}.vehicleId')"><el-input v-model="draft.vehicleId" /></el-form-item>
    <el-form-item :label="t('${pluginId}.text')"><el-input v-model="draft.text" style="width: 320px" /></el-form-item>
    <el-form-item><el-button type="success" native-type="submit">{{ t('${pluginId}.add') }}</el-button></el-form-item>
  </el-form>
  <el-table :data="rows" v-loading="loading" stripe border>
    <el-table-column prop="vehicleId" :label="t('${pluginId}.vehicleId')" width="110" />
    <el-table-column prop="text" :label="t('${pluginId}.text')" />
    <el-table-column prop="createdAt" :label="t('${pluginId}.createdAt')" width="220" />
    <el-table-column prop="createdBy" :label="t('${pluginId}.createdBy')" width="120" />
  </el-table>
  <div style="margin-top: 12px">{{ t('common.total', { n: rows.length }) }}</div>
</div>`
}
