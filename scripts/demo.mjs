// `npm run demo`: opens Chromium with the built extension (dist/) on sample pages served from
// 127.0.0.1. With a display, the browser stays open until you close it; without one (a server,
// CI), it saves screenshots and says where.
// `npm run screenshots` (this script with --screenshots DIR): the README's pictures, light in Chinese and
// dark in English: the banner (one organization, the compact notice, the alert) at 1280×800 and 390×844,
// the popup's lookup of a pasted list and the report page.
import { mkdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, ROOT, currentWorker, launchExtension, startServer, tabIdOf } from './lib/extension-browser.mjs';

const SAMPLES = [
  ['camp-flyer.html', 'A summer-camp flyer promising a listed organization\'s certificate: the banner, one organization'],
  ['two-orgs.html', 'A summer-camp ad naming two listed organizations, one split across tags'],
  ['title-only.html', "A listed organization's own site (its name alone in the title): the prominent alert"],
  ['notice.html', 'A ministry-notice-like page naming four: the compact notice'],
  ['traditional.html', 'A traditional-script page naming one'],
  ['english.html', 'An English article naming one by its published English name'],
  ['none.html', 'A page naming none (names only in a script, a style and a comment)'],
];

const args = process.argv.slice(2);
const shotsIndex = args.indexOf('--screenshots');
const screenshotsDir = shotsIndex >= 0 ? join(ROOT, args[shotsIndex + 1] ?? 'docs') : undefined;
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

if (!existsSync(join(DIST, 'manifest.json'))) {
  console.error('dist/ is missing: run `npm run build` first (npm run demo does).');
  process.exit(1);
}

const server = await startServer(join(ROOT, 'tests/fixtures/pages'));

/** Waits until the top frame shows the banner (or the badge settles) after a load. */
async function settle(page) {
  await page.waitForLoadState('load');
  await page.waitForTimeout(800);
}

async function badgeOf(ext, page) {
  const tabId = await tabIdOf(ext, page);
  return { tabId, badge: tabId < 0 ? '' : await currentWorker(ext).evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId) };
}

/** The banner's border box (its <section>, in a closed shadow root: read through CDP), in CSS px. */
async function bannerBox(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const find = (n, pred) => {
      if (pred(n)) return n;
      for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) {
        const found = find(c, pred);
        if (found) return found;
      }
      return undefined;
    };
    // The host's name is random; the container inside its shadow root carries data-orgcheck-root.
    const host = find(root, (n) => n.nodeType === 1 && (n.shadowRoots?.[0]?.children ?? []).some((c) => (c.attributes ?? []).includes('data-orgcheck-root')));
    const section = host?.shadowRoots?.[0] && find(host.shadowRoots[0], (n) => n.localName === 'section');
    if (!section) return null;
    const { model } = await cdp.send('DOM.getBoxModel', { backendNodeId: section.backendNodeId });
    const ys = model.border.filter((_, i) => i % 2 === 1);
    return { top: Math.min(...ys), bottom: Math.max(...ys) };
  } finally {
    await cdp.detach();
  }
}

/** The banners the README shows: page, picture name. */
const BANNERS = [
  ['camp-flyer.html', 'banner-one'],
  ['notice.html', 'banner-compact'],
  ['title-only.html', 'alert'],
];
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
/** Page shown below (desktop) or above (phone, a bottom sheet) the banner, for context. */
const CONTEXT_PX = 48;

async function bannerShot(ext, file, viewport, path) {
  const page = await ext.context.newPage();
  await page.setViewportSize(viewport);
  await page.goto(`${server.origin}/${file}`);
  await settle(page);
  // The scan can take longer than settle() on a loaded machine: wait for the banner (up to 15 s).
  let box = await bannerBox(page);
  for (let waited = 0; !box && waited < 15_000; waited += 250) {
    await page.waitForTimeout(250);
    box = await bannerBox(page);
  }
  if (!box) throw new Error(`no banner on ${file}`);
  await page.waitForTimeout(300); // its layout settles (fonts, the list's freshness line)
  box = await bannerBox(page);
  // Cropped to the banner and a strip of the page next to it: small files that still show where it sits.
  const top = box.top < viewport.height / 2 ? 0 : Math.max(0, Math.floor(box.top - CONTEXT_PX));
  const bottom = box.top < viewport.height / 2 ? Math.min(viewport.height, Math.ceil(box.bottom + CONTEXT_PX)) : viewport.height;
  await writeFile(path, await page.screenshot({ clip: { x: 0, y: top, width: viewport.width, height: bottom - top } }));
  return page;
}

async function screenshots(dir, colorScheme) {
  // Light in Chinese, dark in English: the README shows both languages.
  const ext = await launchExtension({ colorScheme, locale: colorScheme === 'dark' ? 'en-US' : 'zh-CN' });
  try {
    let flyer;
    for (const [file, name] of BANNERS) {
      const desktop = await bannerShot(ext, file, DESKTOP, join(dir, `${name}-${colorScheme}.png`));
      if (file === 'camp-flyer.html') flyer = desktop;
      else await desktop.close();
      await (await bannerShot(ext, file, PHONE, join(dir, `${name}-390-${colorScheme}.png`))).close();
    }
    const { tabId } = await badgeOf(ext, flyer);
    // The lookup of a pasted list of names, answered name by name (the popup's size).
    const popup = await ext.context.newPage();
    await popup.setViewportSize({ width: 400, height: 600 });
    const pasted = '中国美术协会、中国书法家协会、中国民间摄影协会';
    await popup.goto(`chrome-extension://${ext.extensionId}/src/popup/index.html?tab=${tabId}&q=${encodeURIComponent(pasted)}`);
    await popup.waitForTimeout(800);
    await writeFile(join(dir, `popup-${colorScheme}.png`), await popup.screenshot());
    await popup.close();
    // The report page of the flyer, as a tab.
    const report = await ext.context.newPage();
    await report.setViewportSize({ width: 1000, height: 800 });
    await report.goto(`chrome-extension://${ext.extensionId}/src/report/index.html?tab=${tabId}&source=popup`);
    await report.waitForTimeout(800);
    // Cropped to its content: the empty rest of the tab says nothing.
    const height = await report.evaluate(() => Math.ceil(document.querySelector('main')?.getBoundingClientRect().bottom ?? innerHeight) + 24);
    await writeFile(join(dir, `report-${colorScheme}.png`), await report.screenshot({ clip: { x: 0, y: 0, width: 1000, height: Math.min(height, 800) } }));
    await report.close();
  } finally {
    await ext.close();
  }
}

try {
  if (screenshotsDir) {
    await mkdir(screenshotsDir, { recursive: true });
    for (const scheme of ['light', 'dark']) await screenshots(screenshotsDir, scheme);
    console.log(`Screenshots written to ${screenshotsDir}: banner-one-, banner-compact-, alert- (each also -390-), popup- and report-{light,dark}.png`);
  } else {
    const ext = await launchExtension({ headless: !hasDisplay });
    const outDir = join(ROOT, 'test-output', 'demo');
    if (!hasDisplay) await mkdir(outDir, { recursive: true });
    console.log(`OrgCheck demo: sample pages at ${server.origin}/`);
    for (const [file, what] of SAMPLES) {
      const page = await ext.context.newPage();
      await page.goto(`${server.origin}/${file}`);
      await settle(page);
      const { badge } = await badgeOf(ext, page);
      let where = '';
      if (!hasDisplay) {
        const shot = join(outDir, file.replace('.html', '.png'));
        await writeFile(shot, await page.screenshot());
        where = ` → ${shot}`;
      }
      console.log(`  ${file.padEnd(18)} badge ${JSON.stringify(badge).padEnd(5)} ${what}${where}`);
    }
    if (hasDisplay) {
      console.log('Click the OrgCheck toolbar icon (puzzle piece → pin) for the popup. Close the browser to end the demo.');
      await new Promise((done) => ext.context.on('close', done));
    } else {
      console.log('No display here, so the browser ran headless; open the screenshots above to see the warnings.');
      await ext.close();
    }
  }
} finally {
  await server.close();
}
