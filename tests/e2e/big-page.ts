/** A 5 MB page of short paragraphs, Chinese and English, naming one listed organization at the end. */
export function bigPage(targetBytes = 5_000_000): string {
  const para = '<p>社区新闻：图书馆周末开放，欢迎市民前来阅读。The library opens on weekends; everyone is welcome to read. </p>\n';
  const body = para.repeat(Math.ceil(targetBytes / Buffer.byteLength(para)));
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>大页面</title></head><body>${body}<p>主办：中国机器人教育联盟</p></body></html>`;
}
