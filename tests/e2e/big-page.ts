/**
 * Pages that are hard on the content script, shared by tests/e2e/main-thread.test.ts (how much
 * work each slice does) and bench/budgets.bench.ts (how long its tasks take). Each names one
 * listed organization (中国机器人教育联盟) at the very end.
 */

/** A 5 MB page of short paragraphs, Chinese and English. */
export function bigPage(targetBytes = 5_000_000): string {
  const para = '<p>社区新闻：图书馆周末开放，欢迎市民前来阅读。The library opens on weekends; everyone is welcome to read. </p>\n';
  const body = para.repeat(Math.ceil(targetBytes / Buffer.byteLength(para)));
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>大页面</title></head><body>${body}<p>主办：中国机器人教育联盟</p></body></html>`;
}

/**
 * One 5 MB block (a <pre>) with hidden filler in it: the block is matched twice, with and
 * without the filler's text (page-scanner.ts, hitsBehindFillers), both piece by piece.
 */
export function bigBlockPage(): string {
  const line = '社区新闻：图书馆周末开放，欢迎市民前来阅读。The library opens on weekends; everyone is welcome to read.\n';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>大块</title></head><body><pre>中国<span hidden>x</span>机器人${line.repeat(Math.ceil(5_000_000 / Buffer.byteLength(line)))}主办：中国机器人教育联盟</pre></body></html>`;
}

/** One paragraph of 20,000 hidden spans between words: one block with 20,000 possibly hidden elements. */
export function manyFillersPage(): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>多</title></head><body><p>${'图书馆<span hidden>x</span>'.repeat(20_000)}主办：中国机器人教育联盟</p></body></html>`;
}

/** The three, by the path they are served at. */
export function hostilePages(): Record<string, string> {
  return { '/big.html': bigPage(), '/big-block.html': bigBlockPage(), '/many-fillers.html': manyFillersPage() };
}
