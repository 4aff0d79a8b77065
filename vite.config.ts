import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };

// manifest.json is the source; crxjs rewrites its entry points to the built files in dist/.
export default defineConfig({
  plugins: [preact(), crx({ manifest: manifest as ManifestV3Export })],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'chrome116',
    // Extension code is loaded from disk: no benefit in splitting the banner's Preact out.
    chunkSizeWarningLimit: 1024,
  },
  // The dev server is not used (tests and demo load the built dist/); keep HMR off the network.
  server: { host: '127.0.0.1', strictPort: true },
});
