/**
 * The import graph of src/ (issue 17 item 4): core is pure and stands alone (it imports nothing
 * from another folder of src/), and no module reaches itself through its imports. A circle makes
 * the load order decide which module sees the other half-initialised, and keeps either half from
 * being read, tested or split on its own.
 *
 * Every static import counts, type-only ones too: they are erased from the build, but a type
 * circle ties the two files as tightly for a reader, and core reasoning about a shared type means
 * core's rules change when shared's storage layout does. Dynamic import() does not count: it runs
 * after both modules have loaded.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { code, SRC, sources } from './source-files';

/** The specifiers of a file's static imports and re-exports (`import type` and `export … from` included). */
function staticSpecifiers(text: string): string[] {
  const patterns = [/\b(?:import|export)\b[^'";]*?\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g];
  return patterns.flatMap((pattern) => [...code(text).matchAll(pattern)].map((m) => m[1]!));
}

/** The source file under src/ that `specifier`, imported from `file`, loads; undefined for packages, assets and what is outside src/. */
function resolveImport(file: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(SRC, dirname(file), specifier);
  const found = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')].find(
    (path) => /\.tsx?$/.test(path) && existsSync(path) && statSync(path).isFile(),
  );
  if (!found) return undefined;
  const path = relative(SRC, found);
  return path.startsWith('..') ? undefined : path;
}

const graph = new Map(
  sources.map(({ path, text }) => [
    path,
    [...new Set(staticSpecifiers(text).map((s) => resolveImport(path, s)).filter((p): p is string => p !== undefined))],
  ]),
);

/** The circles of `graph`: its strongly connected components with more than one module, or a module importing itself (Tarjan). */
function circles(edges: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    onStack.add(node);
    for (const to of edges.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) {
        low.set(node, Math.min(low.get(node)!, index.get(to)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (edges.get(node) ?? []).includes(node)) found.push(component.sort());
  };
  for (const node of edges.keys()) if (!index.has(node)) visit(node);
  return found;
}

const topFolder = (path: string) => path.split(sep)[0]!;

describe('the import graph of src/', () => {
  it('is read: the scan sees the imports that are there, type-only and multi-line ones too', () => {
    // Guards the scan itself: were the patterns or the resolution wrong, the checks below would pass on nothing.
    const imports = (from: string) => graph.get(join(...from.split('/'))) ?? [];
    expect(imports('core/tab-model.ts')).toContain(join('core', 'findings.ts')); // import type
    expect(imports('background/sync.ts')).toContain(join('core', 'feed', 'sync-status.ts')); // over several lines
    expect(imports('shared/findings.ts')).toContain(join('core', 'findings.ts')); // export type … from
    expect(imports('core/list-schema.ts')).toContain(join('core', 'entry-names.ts'));
    expect(graph.size).toBe(sources.length);
  });

  it('finds a circle where there is one (the check of the check)', () => {
    const edges = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
      ['e', ['e']],
    ]);
    expect(circles(edges)).toEqual([['a', 'b', 'c'], ['e']]);
  });

  it('core imports nothing from another folder of src/', () => {
    const outward = [...graph].flatMap(([from, targets]) =>
      topFolder(from) === 'core' ? targets.filter((to) => topFolder(to) !== 'core').map((to) => `${from} imports ${to}`) : [],
    );
    expect(outward).toEqual([]);
  });

  it('has no import circle', () => {
    expect(circles(graph).map((members) => members.join(' ↔ '))).toEqual([]);
  });
});
