// The i18n check must fail the build in each case it is there for (node --test scripts/).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { spawnSync } from 'node:child_process'

const script = new URL('./check-i18n.mjs', import.meta.url).pathname

function app(files) {
  const src = mkdtempSync(join(tmpdir(), 'i18n-'))
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(src, path, '..'), { recursive: true })
    writeFileSync(join(src, path), typeof content === 'string' ? content : JSON.stringify(content))
  }
  return spawnSync(process.execPath, [script, src], { encoding: 'utf8' })
}

const zh = { 'locales/zh-CN/desk.json': { desk: { title: '接待台' } } }
const en = { 'locales/en/desk.json': { desk: { title: 'Desk' } } }

test('passes when every key has its Chinese text', () => {
  const run = app({ ...zh, ...en, 'pages/desk/DeskPage.vue': '<template><h1>{{ t("desk.title") }}</h1></template>' })
  assert.equal(run.status, 0, run.stderr)
})

test('fails on a key of an English file missing in zh-CN', () => {
  const run = app({ ...zh, 'locales/en/desk.json': { desk: { title: 'Desk', plate: 'Plate' } } })
  assert.equal(run.status, 1)
  assert.match(run.stderr, /"desk\.plate" has no zh-CN text/)
})

test('fails on a key used in code but missing in zh-CN', () => {
  const run = app({ ...zh, ...en, 'pages/desk/routes.js': "export default [{ meta: { titleKey: 'desk.missing' } }]" })
  assert.equal(run.status, 1)
  assert.match(run.stderr, /uses "desk\.missing", missing in zh-CN/)
})

test('fails on Chinese text written into a template', () => {
  const run = app({ ...zh, ...en, 'pages/desk/DeskPage.vue': '<template><el-button>保存</el-button></template>' })
  assert.equal(run.status, 1)
  assert.match(run.stderr, /Chinese text in the template/)
})
