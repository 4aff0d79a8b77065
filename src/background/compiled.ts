/**
 * The compiled matcher of the active list. Built once per list content and kept in
 * storage.local, so a service worker stopped while idle, and every content script, reuse it
 * without a rebuild (see core/matcher.ts for its layout and the reason for this design).
 */
import { compileList, compilerKey, type CompiledList } from '../core/compiled-list';
import { activeList } from '../shared/list-store';
import { localStore } from '../shared/storage';

let compiling: Promise<CompiledList> | undefined;

/**
 * The compiled form of the active list, building and storing it if storage lacks it. A caller
 * that arrives while a build is under way joins it, but a build is only stored while its list is
 * still the active one: a sync that swaps the list mid-build gets a build of the new list.
 */
export async function ensureCompiled(): Promise<CompiledList> {
  for (;;) {
    compiling ??= (async () => {
      const { list, key } = await activeList();
      const stored = await localStore.get('compiled');
      // Stored by this code for this list: reuse. An update of the extension may have changed the
      // matcher's format or the normalization, so a list compiled by other code is rebuilt.
      if (stored?.listKey === key && stored.compiler === compilerKey()) return stored;
      const compiled = compileList(list.entries, key);
      if ((await activeList()).key !== key) return compiled; // superseded: not stored
      await localStore.set({ compiled });
      return compiled;
    })().finally(() => {
      compiling = undefined;
    });
    const compiled = await compiling;
    if (compiled.listKey === (await activeList()).key) return compiled;
  }
}
