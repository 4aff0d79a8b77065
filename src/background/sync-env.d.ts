/** Build-time feed configuration, replaced by vite's `define` (see vite.config.ts). */
declare const __FEED_URL__: string;
declare const __FEED_PUBLIC_KEY__: string;
declare const __FEED_TIMEOUT_MS__: number;
