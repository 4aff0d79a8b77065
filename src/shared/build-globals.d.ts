/** Build-time feed configuration (and the test builds' flag), replaced by vite's `define` (see vite.config.ts); read through build-config.ts only (not named build-config.d.ts: TypeScript would take that for the declaration of build-config.ts and skip it). */
declare const __FEED_URL__: string;
declare const __FEED_PUBLIC_KEY__: string;
declare const __FEED_TIMEOUT_MS__: number;
/** JSON of the v1 feed's tiers (string[][]) and allowed host suffixes (string[]); its keys as `id:base64`. */
declare const __FEED_TIERS__: string;
declare const __FEED_ROOT_KEY__: string;
declare const __FEED_SIGNING_KEY__: string;
declare const __FEED_HOST_ALLOW__: string;
/** True only in a test build (ORGCHECK_TEST_HOOKS=1, `npm run build:test`): the worker exposes globalThis.orgcheckHooks for e2e tests. */
declare const __ORGCHECK_TEST_HOOKS__: boolean;
/** True only in the content script's bundle (scripts/classic-content-scripts.ts): normalize() folds with the table the compiled list brings and can't build one (core/normalize.ts). */
declare const __FOLD_TABLE_INSTALLED_ONLY__: boolean;
