/** The feed: format, checks, versions, signatures and diffs. Pure; runs in the extension and in Node. */
export * from './diff';
export * from './schema';
export * from './signature';
export * from './validate';
export * from './version';
export * from './etag';
export * from './publish';
export * from './schedule';
export * from './staleness';
export * from './pointer';
export * from './key-statement';
export * from './keyed-signature';
export * from './hosts';
export * from './host-sync';
