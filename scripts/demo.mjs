// `npm run demo`: opens Chromium with the built extension (dist/) on sample pages served from
// 127.0.0.1. With a display, the browser stays open until you close it; without one (a server,
// CI), it saves screenshots and says where.
// `npm run screenshots` (this script with --screenshots DIR): the README's pictures, light in Chinese and
// dark in English: the banner (one organization, the compact notice, the alert) at 1280×800 and 390×844,
// the popup's lookup of a pasted list and the report page. They come out the same on every run (the
// pages' address, the clock and the time zone are fixed: see PICTURE_ORIGIN and PICTURE_NOW), so
// running it again changes no file unless what they show changed.
// `npm run demo -- --lang zh-CN`: the browser's UI language (default: the shell's, when OrgCheck has it; else English).
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
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

/** The languages OrgCheck speaks (public/_locales), as Chromium names them. */
const UI_LOCALES = ['zh-CN', 'zh-TW', 'zh-HK', 'en-US'];

/** --lang, else the shell's language when OrgCheck has it (zh_CN.UTF-8 → zh-CN, en_GB → en-US), else en-US. */
function demoLocale() {
  const given = args.includes('--lang') ? args[args.indexOf('--lang') + 1] : undefined;
  if (given) return given;
  const shell = [process.env.LANGUAGE?.split(':')[0], process.env.LC_ALL, process.env.LC_MESSAGES, process.env.LANG].find((v) => v && v !== 'C' && !v.startsWith('C.'));
  const tag = (shell ?? '').split('.')[0]?.replace('_', '-') ?? '';
  return UI_LOCALES.find((l) => l.toLowerCase() === tag.toLowerCase()) ?? (tag.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en-US');
}

/** What this machine lacks to show Chinese: a font (else every character is a box), Chromium's Chinese UI files. */
function missingForChinese() {
  const missing = [];
  let fonts = '';
  try {
    fonts = execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  } catch {
    // No fontconfig tools: say what to install all the same.
  }
  if (!fonts.trim()) missing.push(['fonts-noto-cjk', 'no Chinese font is installed, so Chinese text shows as boxes']);
  if (!existsSync('/usr/lib/chromium/locales/zh-CN.pak')) {
    missing.push(['chromium-l10n', "Chromium has no Chinese UI files, so OrgCheck's service worker speaks English in a Chinese browser"]);
  }
  return missing;
}

for (const [pkg, why] of missingForChinese()) {
  console.warn(`Warning: ${why}. Install it: sudo apt-get install ${pkg}`);
  // The README's pictures must not show boxes or English in the Chinese ones.
  if (args.includes('--screenshots')) process.exitCode = 1;
}
if (process.exitCode) {
  console.error('Not making screenshots without it.');
  process.exit();
}

const server = await startServer(join(ROOT, 'tests/fixtures/pages'));

// The pictures show a page's address (the report page) and times (the report's, the list's
// freshness line): fixed, so that a second run writes the same files. The address is answered by
// the server above through Playwright's routing (no port is taken, so nothing can be in the way);
// the clock is a day after the bundled list was made, in Beijing time.
const PICTURE_ORIGIN = 'http://127.0.0.1:8000';
const PICTURE_NOW = Date.parse(JSON.parse(readFileSync(join(ROOT, 'data/list-version.json'), 'utf8')).generatedAt) + 24 * 3600_000;
const PICTURE_TIME_ZONE = 'Asia/Shanghai';
const pagesOrigin = screenshotsDir ? PICTURE_ORIGIN : server.origin;

/** Fixes what the pictures would otherwise change with: the pages' address and the clock. */
async function fixForPictures(ext) {
  await ext.context.route(`${PICTURE_ORIGIN}/**`, async (route) => {
    const path = new URL(route.request().url()).pathname;
    await route.fulfill({ response: await route.fetch({ url: `${server.origin}${path}` }) });
  });
  // Extension pages and the content scripts' pages: Playwright's clock (Date only; timers run).
  await ext.context.clock.setFixedTime(PICTURE_NOW);
  // The service worker (it dates the report and the banner's freshness line): Playwright's clock
  // does not reach workers, so its Date is replaced. The worker keeps running while Playwright is
  // attached to it, so this lasts the run.
  await ext.worker.evaluate((now) => {
    const RealDate = Date;
    globalThis.Date = class FixedDate extends RealDate {
      constructor(...args) {
        if (args.length) super(...args);
        else super(now);
      }
      static now() {
        return now;
      }
    };
  }, PICTURE_NOW);
}

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
  await page.goto(`${pagesOrigin}/${file}`);
  await settle(page);
  // The scan can take longer than settle() on a loaded machine: wait for the banner (up to 60 s).
  let box = await bannerBox(page);
  for (let waited = 0; !box && waited < 60_000; waited += 250) {
    await page.waitForTimeout(250);
    box = await bannerBox(page);
  }
  if (!box) throw new Error(`no banner on ${file}`);
  // Cropped to the banner and a strip of the page next to it: small files that still show where it sits.
  const clip = async () => {
    const now = (await bannerBox(page)) ?? box;
    const top = now.top < viewport.height / 2 ? 0 : Math.max(0, Math.floor(now.top - CONTEXT_PX));
    const bottom = now.top < viewport.height / 2 ? Math.min(viewport.height, Math.ceil(now.bottom + CONTEXT_PX)) : viewport.height;
    return { x: 0, y: top, width: viewport.width, height: bottom - top };
  };
  await writeFile(path, await settledScreenshot(page, clip));
  return page;
}

/**
 * A screenshot of `page` (cropped to `clip()`) once it has stopped changing: two in a row alike.
 * What comes late on a loaded machine (a font, the list's freshness line, the answer to a
 * lookup) is in the picture on every run, not only on the runs where it was quick.
 */
async function settledScreenshot(page, clip = async () => undefined) {
  let last;
  for (let tries = 0; tries < 60; tries++) {
    await page.waitForTimeout(tries ? 500 : 300);
    const area = await clip();
    const shot = await page.screenshot(area ? { clip: area } : {});
    if (last?.equals(shot)) return shot;
    last = shot;
  }
  throw new Error(`${page.url()} kept changing for 30 s`);
}

async function screenshots(dir, colorScheme) {
  // Light in Chinese, dark in English: the README shows both languages.
  const ext = await launchExtension({ colorScheme, locale: colorScheme === 'dark' ? 'en-US' : 'zh-CN' });
  try {
    await fixForPictures(ext);
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
    await popup.getByTestId('lookup-verdict').nth(2).waitFor();
    await writeFile(join(dir, `popup-${colorScheme}.png`), await settledScreenshot(popup));
    await popup.close();
    // The report page of the flyer, as a tab.
    const report = await ext.context.newPage();
    await report.setViewportSize({ width: 1000, height: 800 });
    await report.goto(`chrome-extension://${ext.extensionId}/src/report/index.html?tab=${tabId}&source=popup`);
    await report.locator('a[data-action="complaint"]').waitFor();
    // Cropped to its content: the empty rest of the tab says nothing.
    const clip = async () => {
      const height = await report.evaluate(() => Math.ceil(document.querySelector('main')?.getBoundingClientRect().bottom ?? innerHeight) + 24);
      return { x: 0, y: 0, width: 1000, height: Math.min(height, 800) };
    };
    await writeFile(join(dir, `report-${colorScheme}.png`), await settledScreenshot(report, clip));
    await report.close();
  } finally {
    await ext.close();
  }
}

try {
  if (screenshotsDir) {
    // The time zone the report's time is shown in (Chromium reads TZ; launchExtension passes the environment on).
    process.env.TZ = PICTURE_TIME_ZONE;
    await mkdir(screenshotsDir, { recursive: true });
    for (const scheme of ['light', 'dark']) await screenshots(screenshotsDir, scheme);
    console.log(`Screenshots written to ${screenshotsDir}: banner-one-, banner-compact-, alert- (each also -390-), popup- and report-{light,dark}.png`);
  } else {
    const locale = demoLocale();
    const ext = await launchExtension({ headless: !hasDisplay, locale });
    const outDir = join(ROOT, 'test-output', 'demo');
    if (!hasDisplay) await mkdir(outDir, { recursive: true });
    console.log(`OrgCheck demo (${locale}; another language: npm run demo -- --lang ${locale === 'zh-CN' ? 'en-US' : 'zh-CN'}): sample pages at ${server.origin}/`);
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
