// `npm run demo`: opens Chromium with the built extension (dist/) on sample pages served from
// 127.0.0.1. With a display, the browser stays open until you close it; without one (a server,
// CI), it saves screenshots and says where.
// `npm run screenshots` (this script with --screenshots DIR): the README's pictures, light and dark.
import { mkdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, ROOT, currentWorker, launchExtension, startServer, tabIdOf } from './lib/extension-browser.mjs';

const SAMPLES = [
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

async function screenshots(dir, colorScheme) {
  // Light in Chinese, dark in English: the README shows both languages.
  const ext = await launchExtension({ colorScheme, locale: colorScheme === 'dark' ? 'en-US' : 'zh-CN' });
  try {
    const page = await ext.context.newPage();
    await page.setViewportSize({ width: 1100, height: 640 });
    await page.goto(`${server.origin}/two-orgs.html`);
    await settle(page);
    await writeFile(join(dir, `banner-${colorScheme}.png`), await page.screenshot());
    const own = await ext.context.newPage();
    await own.setViewportSize({ width: 1100, height: 640 });
    await own.goto(`${server.origin}/title-only.html`);
    await settle(own);
    await writeFile(join(dir, `alert-${colorScheme}.png`), await own.screenshot());
    await own.close();
    const { tabId } = await badgeOf(ext, page);
    const popup = await ext.context.newPage();
    await popup.setViewportSize({ width: 400, height: 560 });
    await popup.goto(`chrome-extension://${ext.extensionId}/src/popup/index.html?tab=${tabId}&q=${encodeURIComponent('中國機器人')}`);
    await popup.waitForTimeout(500);
    await writeFile(join(dir, `popup-${colorScheme}.png`), await popup.screenshot());
  } finally {
    await ext.close();
  }
}

try {
  if (screenshotsDir) {
    await mkdir(screenshotsDir, { recursive: true });
    for (const scheme of ['light', 'dark']) await screenshots(screenshotsDir, scheme);
    console.log(`Screenshots written to ${screenshotsDir}: banner-, alert- and popup-{light,dark}.png`);
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
