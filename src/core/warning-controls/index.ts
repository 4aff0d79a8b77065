/**
 * The user's warning controls: "don't warn on this site", "not this organization", the snooze,
 * closed banners and the global switch. What they are (types.ts), what shape one must have to be
 * applied (schema.ts), what the banner may do with them (banner-permissions.ts), how private
 * windows keep theirs apart (private-windows.ts), and which are in force on a site (in-force.ts).
 * Pure; background/warning-controls.ts stores them.
 */
export * from './types';
export * from './schema';
export * from './banner-permissions';
export * from './private-windows';
export * from './in-force';
