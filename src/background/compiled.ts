/**
 * The compiled matcher of the active list. Built once per list content and kept in
 * storage.local, so a service worker stopped while idle, and every content script, reuse it
 * without a rebuild (see core/matcher.ts for its layout and the reason for this design).
 */
import { compileList, type CompiledList } from '../core/compiled-list';
import { activeList } from '../shared/list-store';
import { localStore } from '../shared/storage';

let compiling: Promise<CompiledList> | undefined;

/** The compiled form of the active list, building and storing it if storage lacks it. */
export function ensureCompiled(): Promise<CompiledList> {
  compiling ??= (async () => {
    const { list, key } = await activeList();
    const stored = await localStore.get('compiled');
    if (stored?.listKey === key) return stored;
    const compiled = compileList(list.entries, key);
    await localStore.set({ compiled });
    return compiled;
  })().finally(() => {
    compiling = undefined;
  });
  return compiling;
}
