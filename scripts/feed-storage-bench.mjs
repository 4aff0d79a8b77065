#!/usr/bin/env node
/**
 * node scripts/feed-storage-bench.mjs [--entries 50000] [--dist dist]
 *
 * Measures, inside the extension's service worker in Chromium, how long a large synthetic list
 * takes to write and read with storage.local (with and without `unlimitedStorage`) and with
 * IndexedDB. Decides where the synced list lives (see StoredListRef in shared/storage/areas.ts). Needs a built dist/
 * (npm run build) and Chromium (CHROMIUM_PATH, default /usr/bin/chromium).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { uiLanguageOptions } from './lib/extension-browser.mjs';

const { values } = parseArgs({ options: { entries: { type: 'string', default: '50000' }, dist: { type: 'string', default: 'dist' } } });
const COUNT = Number(values.entries);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function measure(unlimited) {
  const dir = mkdtempSync(join(tmpdir(), 'orgcheck-bench-'));
  const ext = join(dir, 'ext');
  cpSync(resolve(values.dist), ext, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(ext, 'manifest.json'), 'utf8'));
  manifest.permissions = manifest.permissions.filter((p) => unlimited || p !== 'unlimitedStorage');
  writeFileSync(join(ext, 'manifest.json'), JSON.stringify(manifest));
  const language = uiLanguageOptions();
  const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    locale: language.locale,
    env: language.env,
    args: [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`, '--no-sandbox', '--disable-gpu', ...language.args],
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    return await worker.evaluate(async (count) => {
      const entries = Array.from({ length: count }, (_, i) => ({
        id: `synthetic-organization-number-${i}`,
        names: { zh: `中国某某第${i}号虚构研究促进会`, en: `Fictitious Research Promotion Association No. ${i}` },
        aliases: [`某某第${i}号促进会`],
        listings: [{ list: `website-shutdown-2021-batch${i % 9}`, kind: 'website-shutdown', published: '2021-05-31',
          sources: [`https://example.org/notices/2021/${i}.html`, `https://example.com/archive/${i}.html`] }],
        warn: true,
        exact: false,
        note: '2 sources (example.org, example.com).',
      }));
      const list = { version: 20261128000000, generatedAt: '2026-11-28T00:00:00.000Z', entries };
      const bytes = new TextEncoder().encode(JSON.stringify(list)).length;
      const time = async (fn) => {
        const t = performance.now();
        await fn();
        return Math.round(performance.now() - t);
      };
      const result = { bytes };
      try {
        result.localSet = await time(() => chrome.storage.local.set({ benchList: list }));
        result.localGet = await time(() => chrome.storage.local.get('benchList'));
        result.localGetStatusOnly = await time(() => chrome.storage.local.get('schemaVersion'));
      } catch (error) {
        result.localError = String(error);
      }
      const db = await new Promise((ok, fail) => {
        const req = indexedDB.open('bench', 1);
        req.onupgradeneeded = () => req.result.createObjectStore('lists');
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error);
      });
      const tx = (mode, fn) => new Promise((ok, fail) => {
        const t = db.transaction('lists', mode);
        const req = fn(t.objectStore('lists'));
        t.oncomplete = () => ok(req.result);
        t.onerror = () => fail(t.error);
      });
      result.idbPut = await time(() => tx('readwrite', (s) => s.put(list, 'list')));
      result.idbGet = await time(() => tx('readonly', (s) => s.get('list')));
      return result;
    }, COUNT);
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const unlimited of [true, false]) {
  const runs = [];
  for (let i = 0; i < Number(process.env.BENCH_RUNS ?? 3); i++) runs.push(await measure(unlimited));
  console.log(`${COUNT} entries, ${unlimited ? 'with' : 'without'} unlimitedStorage:`);
  for (const r of runs) console.log('  ', JSON.stringify(r));
}
