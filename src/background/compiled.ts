/**
 * The compiled matcher of the active list. Built once per list content and kept in
 * storage.local, so a service worker stopped while idle, and every content script, reuse it
 * without a rebuild (see core/matcher.ts for its layout and the reason for this design).
 */
import { CompiledListLimitError, compileList, compilerKey, type CompiledList } from '../core/compiled-list';
import type { FeedError } from '../core/feed/validate';
import { aheadOfClockProblem } from '../core/feed/version';
import { validateEntries } from '../core/list-schema';
import { activeList } from '../shared/list-store';
import type { StoredList } from '../shared/storage/list';
import { localStore } from '../shared/storage/wrapper';
import { setAsideStoredList } from './sync-status-queue';

let compiling: Promise<CompiledList | null> | undefined;

/**
 * The compiled form of the active list, building and storing it if storage lacks it. A caller
 * that arrives while a build is under way joins it, but a build is only stored while its list is
 * still the active one: a sync that swaps the list mid-build gets a build of the new list.
 */
export async function ensureCompiled(): Promise<CompiledList> {
  for (;;) {
    compiling ??= (async () => {
      const { list, key, source } = await activeList();
      const stored = await localStore.get('compiled');
      // Stored by this code for this list: reuse. An update of the extension may have changed the
      // matcher's format, the normalization or the limits, so a list compiled by other code is rebuilt.
      if (stored?.listKey === key && stored.compiler === compilerKey()) return stored;
      let reason = source === 'feed' ? setAsideReason(list) : null;
      let compiled: CompiledList | null = null;
      if (!reason) {
        try {
          compiled = compileList(list.entries, key);
        } catch (error) {
          if (!(error instanceof CompiledListLimitError) || source !== 'feed') throw error;
          reason = { code: 'limits', detail: error.message };
        }
      }
      if (!compiled) {
        // The bundled list takes over (the loop below compiles it), and the sync status says why.
        await setAsideStoredList(reason!);
        return null;
      }
      if ((await activeList()).key !== key) return compiled; // superseded: not stored
      await localStore.set({ compiled });
      return compiled;
    })().finally(() => {
      compiling = undefined;
    });
    const compiled = await compiling;
    if (compiled && compiled.listKey === (await activeList()).key) return compiled;
  }
}

/**
 * Why this version does not use a synced list, or null. The list may have been taken before a
 * check that every feed now passes: the limits (core/list-limits.ts), or a date ahead of the
 * clock (a leaked key could sign the version 99991231235959, which no later list could beat).
 */
function setAsideReason(list: StoredList): FeedError | null {
  const ahead = aheadOfClockProblem(list, Date.now());
  if (ahead) return { code: 'future', detail: ahead };
  const valid = validateEntries(list.entries);
  return valid.ok ? null : { code: 'limits', detail: valid.errors.slice(0, 5).join('; ') };
}
