// @ts-check
// Debian firefox-esr, headless, driven through WebDriver BiDi (no geckodriver, no Playwright build):
// a fresh profile whose prefs keep it off the network, the BiDi WebSocket on a free port, and the
// built extension (dist-firefox/) installed as a temporary add-on. Used by tests/e2e-firefox.
//
// Host permissions: an MV3 add-on's host permissions (host_permissions and content_scripts
// matches) are optional in Firefox, and the user may revoke them. On install, Firefox ≥ 127 grants
// them when the pref extensions.originControls.grantByDefault is true (Extension.sys.mjs,
// startupReason ADDON_INSTALL); a temporary install through webExtension.install is such an install.
// The pref is already true in Firefox's defaults; the profile pins it so the test doesn't depend on
// a build's default.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import WebSocket from 'ws';
import { ROOT } from './extension-browser.mjs';
import { TIMEOUT } from './timeouts.mjs';

export const DIST_FIREFOX = join(ROOT, 'dist-firefox');
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/**
 * A page script expression for OrgCheck's banner host: the element on <html> that is neither head
 * nor body (the host has a random name per page view and no attribute of ours, so a page can't
 * find it by a stable selector; the tests find it by where it sits).
 */
export const BANNER_HOST = `[...document.documentElement.children].find((el) => el !== document.head && el !== document.body)`;

/** Prefs written to the profile's user.js (on top of the remote agent's own recommended prefs). */
export const PREFS = {
  'remote.active-protocols': 1, // WebDriver BiDi only
  'extensions.originControls.grantByDefault': true, // see above
  'extensions.autoDisableScopes': 0,
  'extensions.enabledScopes': 5,
  'extensions.update.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'extensions.blocklist.enabled': false,
  'extensions.systemAddon.update.enabled': false,
  'app.update.enabled': false,
  'app.update.disabledForTesting': true,
  'app.normandy.enabled': false,
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.page': 0,
  'browser.startup.homepage_override.mstone': 'ignore',
  'browser.aboutwelcome.enabled': false,
  'browser.newtabpage.enabled': false,
  'browser.newtabpage.activity-stream.feeds.system.topstories': false,
  'browser.newtabpage.activity-stream.feeds.section.topstories': false,
  'browser.topsites.contile.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'browser.safebrowsing.blockedURIs.enabled': false,
  'browser.safebrowsing.update.enabled': false,
  'browser.search.update': false,
  'browser.region.network.url': '',
  'browser.region.update.enabled': false,
  'captivedetect.canonicalURL': '',
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'services.settings.server': 'http://127.0.0.1:9/', // remote settings: nowhere
  'datareporting.policy.dataSubmissionEnabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.unified': false,
  'toolkit.telemetry.server': '',
  'toolkit.startup.max_resumed_crashes': -1,
  'browser.tabs.warnOnClose': false,
  'browser.warnOnQuit': false,
};

/**
 * The prefs that set Firefox's UI language (the add-on's i18n follows it). Any language but en-US
 * needs its language pack: Debian's firefox-esr-l10n-<lang> puts it beside Firefox
 * (browser/extensions/langpack-<locale>@…xpi), which the profile enables (extensions.enabledScopes).
 * @param {string} locale e.g. 'zh-CN'
 */
export function uiLanguagePrefs(locale) {
  const packs = existsSync(FIREFOX) ? join(dirname(realpathSync(FIREFOX)), 'browser', 'extensions') : '';
  if (locale !== 'en-US' && packs && existsSync(packs) && !readdirSync(packs).some((f) => f.startsWith(`langpack-${locale}@`))) {
    throw new Error(`firefox-esr has no ${locale} language pack: sudo apt-get install firefox-esr-l10n-${locale.toLowerCase()}`);
  }
  return { 'intl.locale.requested': locale, 'general.useragent.locale': locale, 'intl.accept_languages': `${locale}, en-US` };
}

/** @param {Record<string, string | number | boolean>} prefs */
function userJs(prefs) {
  return Object.entries(prefs)
    .map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`)
    .join('\n') + '\n';
}

/** A minimal WebDriver BiDi client over one WebSocket. */
export class BiDi {
  /** @param {WebSocket} ws */
  constructor(ws) {
    this.ws = ws;
    this.nextId = 1;
    /** @type {Map<number, {resolve: (v: any) => void, reject: (e: Error) => void, method: string}>} */
    this.pending = new Map();
    /** @type {Array<(event: {method: string, params: any}) => void>} */
    this.listeners = [];
    ws.on('message', (data) => {
      const msg = JSON.parse(String(data));
      if (msg.type === 'event') {
        for (const l of this.listeners) l(msg);
        return;
      }
      const waiter = this.pending.get(msg.id);
      if (!waiter) return;
      this.pending.delete(msg.id);
      if (msg.type === 'error') waiter.reject(new Error(`${waiter.method}: ${msg.error}: ${msg.message}`));
      else waiter.resolve(msg.result);
    });
    ws.on('close', () => {
      for (const w of this.pending.values()) w.reject(new Error(`${w.method}: connection closed`));
      this.pending.clear();
    });
  }

  /**
   * @param {string} method
   * @param {Record<string, unknown>} [params]
   * @param {number} [timeoutMs]
   * @returns {Promise<any>}
   */
  send(method, params = {}, timeoutMs = TIMEOUT.wait) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method}: no answer in ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, {
        method,
        resolve: (v) => (clearTimeout(timer), resolve(v)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
      this.ws.send(JSON.stringify({ id, method, params }));
    });
  }
}

/**
 * Starts firefox-esr headless with a fresh profile and opens a BiDi session. `close()` ends the
 * session and kills Firefox's whole process group, whatever state it is in; it also runs if the
 * Node process exits first.
 * `allowSystemAccess` (--remote-allow-system-access) lets BiDi navigate a tab to the add-on's own
 * moz-extension:// pages, e.g. the popup, with the UUID pinned by `extensionUuids`.
 * `locale`: the UI language (uiLanguagePrefs), en-US by default.
 * @param {{prefs?: Record<string, string | number | boolean>, headless?: boolean, allowSystemAccess?: boolean, extensionUuids?: Record<string, string>, locale?: string}} [options]
 */
export async function launchFirefox(options = {}) {
  const language = uiLanguagePrefs(options.locale ?? 'en-US');
  const profile = await mkdtemp(join(tmpdir(), 'orgcheck-firefox-'));
  /** @type {Record<string, string>} */
  const uuids = options.extensionUuids ? { 'extensions.webextensions.uuids': JSON.stringify(options.extensionUuids) } : {};
  await writeFile(join(profile, 'user.js'), userJs({ ...PREFS, ...language, ...uuids, ...options.prefs }));
  const child = spawn(
    FIREFOX,
    ['--remote-debugging-port=0', '-profile', profile, '-no-remote',
      ...(options.allowSystemAccess ? ['--remote-allow-system-access'] : []),
      ...(options.headless === false ? [] : ['--headless']), 'about:blank'],
    {
      // Its own process group: content processes go down with it.
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1', MOZ_DISABLE_AUTO_SAFE_MODE: '1' },
    },
  );
  let stderr = '';
  let closed = false;
  const killGroup = () => {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  process.once('exit', killGroup);
  const exited = new Promise((done) => child.once('exit', done));

  /** @type {WebSocket | undefined} */
  let ws;
  const close = async () => {
    if (closed) return;
    closed = true;
    try {
      if (ws?.readyState === WebSocket.OPEN) {
        ws.send(JSON.stringify({ id: 0, method: 'browser.close', params: {} }));
        await Promise.race([exited, new Promise((r) => setTimeout(r, 3_000))]);
      }
    } finally {
      ws?.terminate();
      killGroup();
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3_000))]);
      process.removeListener('exit', killGroup);
      await rm(profile, { recursive: true, force: true, maxRetries: 3 });
    }
  };

  try {
    const url = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`firefox did not start BiDi in ${TIMEOUT.wait / 1000} s:\n${stderr}`)), TIMEOUT.wait);
      child.once('error', (e) => (clearTimeout(timer), reject(e)));
      child.once('exit', (code) => (clearTimeout(timer), reject(new Error(`firefox exited (${code}):\n${stderr}`))));
      child.stderr?.on('data', (chunk) => {
        stderr += String(chunk);
        const m = /WebDriver BiDi listening on (ws:\/\/[^\s]+)/.exec(stderr);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
    });
    ws = new WebSocket(`${url}/session`);
    await new Promise((resolve, reject) => {
      ws?.once('open', resolve);
      ws?.once('error', reject);
    });
    const bidi = new BiDi(ws);
    // The session starts once Firefox has loaded its profile: over 30 s on a loaded 2-core machine.
    await bidi.send('session.new', { capabilities: { alwaysMatch: { acceptInsecureCerts: true } } }, 90_000);
    return { bidi, profile, close, stderr: () => stderr };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Collects what a serialized DOM tree (script.evaluate with serializationOptions.includeShadowTree)
 * shows: its text, in document order, and the values of one attribute.
 * @param {any} node a RemoteValue of type "node"
 * @param {string} attribute
 */
export function serializedText(node, attribute) {
  /** @type {string[]} */
  const texts = [];
  /** @type {string[]} */
  const values = [];
  /** @param {any} n */
  const visit = (n) => {
    const v = n?.value;
    if (!v) return;
    if (v.localName === 'style' || v.localName === 'script') return;
    if (v.nodeType === 3 && v.nodeValue) texts.push(v.nodeValue);
    const attr = v.attributes?.[attribute];
    if (attr) values.push(attr);
    if (v.shadowRoot) visit(v.shadowRoot);
    for (const c of v.children ?? []) visit(c);
  };
  visit(node);
  return { text: texts.join(' '), values, mode: node?.value?.shadowRoot?.value?.mode };
}
