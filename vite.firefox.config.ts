/**
 * The Firefox build (`npm run build:firefox` → dist-firefox/). manifest.json stays the one source:
 * this config takes the Chrome build's config and manifest (vite.config.ts) and changes only what
 * Firefox needs:
 * - background.scripts instead of background.service_worker (Firefox runs MV3 backgrounds as event
 *   pages; crxjs's Firefox mode reads background.scripts and crashes on a service_worker entry);
 * - browser_specific_settings.gecko: the add-on id AMO and storage need, and
 *   data_collection_permissions (AMO's consent, Firefox 140+): nothing is required; a report sent to
 *   an endpoint the user sets carries website content and activity, so those are optional, asked for
 *   only then;
 * - no minimum_chrome_version (Chrome's alone).
 * Permissions are the Chrome build's: Firefox needs no other.
 *
 * `npm run lint:firefox` (web-ext lint) reports 0 errors and two warnings, UNSAFE_VAR_ASSIGNMENT in
 * the jsxRuntime chunk of the extension pages and in the content script (which carries its own copy
 * of Preact: scripts/classic-content-scripts.ts). Both are Preact's own
 * `e.innerHTML = props.dangerouslySetInnerHTML.__html`, which OrgCheck never uses (no
 * dangerouslySetInnerHTML in src/), so the line never runs.
 */
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { defineConfig, type PluginOption, type UserConfig } from 'vite';
import chromeConfig, { extensionManifest } from './vite.config.ts';
import { withoutContentScripts } from './scripts/classic-content-scripts.ts';

export const GECKO_ID = 'orgcheck@orgcheck.example';

export function firefoxManifest(source: ManifestV3Export): ManifestV3Export {
  const { minimum_chrome_version: _chromeOnly, background, ...rest } = source as ManifestV3Export & {
    minimum_chrome_version?: string;
    background?: { service_worker?: string; scripts?: string[]; type?: 'module' };
  };
  const worker = background?.service_worker;
  // crxjs's manifest type knows no gecko_android: the object is typed loosely, then cast.
  const firefox: Record<string, unknown> = {
    ...rest,
    ...(background ? { background: { scripts: worker ? [worker] : (background.scripts ?? []), type: 'module' } } : {}),
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: '140.0',
        data_collection_permissions: {
          required: ['none'],
          optional: ['websiteContent', 'websiteActivity'],
        },
      },
      // data_collection_permissions came to Firefox for Android in 142.
      gecko_android: { strict_min_version: '142.0' },
    },
  };
  return firefox as unknown as ManifestV3Export;
}

/** Every plugin of the Chrome config except crxjs's, which is added again in Firefox mode (the content-script build stays). */
function withoutCrx(plugins: PluginOption[] | undefined): PluginOption[] {
  return (plugins ?? []).flat(Infinity as 1).filter((p) => {
    const name = p && typeof p === 'object' && 'name' in p ? String(p.name) : '';
    return !name.startsWith('crx:');
  });
}

const base = chromeConfig as UserConfig;

export default defineConfig({
  ...base,
  plugins: [...withoutCrx(base.plugins), crx({ manifest: withoutContentScripts(firefoxManifest(extensionManifest)), browser: 'firefox' })],
  build: {
    ...base.build,
    outDir: 'dist-firefox',
    emptyOutDir: true,
    target: 'firefox140',
  },
});
