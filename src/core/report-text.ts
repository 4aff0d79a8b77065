/**
 * A report as plain text, in Chinese (for the ministry's complaint form) or English. The text says
 * no more than the JSON: the same fields, in sentences. Pure: the templates live here rather
 * than in _locales so that the language of a report does not depend on the browser's.
 */
import type { ListingKind, ListRecords } from './list-schema';
import { listingLabel } from './list-records';
import type { Report } from './report';

export type ReportLanguage = 'zh' | 'en';

/**
 * The ministry's platform (中国社会组织政务服务平台): its 投诉举报 (complaints and reports) column
 * takes reports, and its registry search (全国社会组织信息查询) finds lawfully registered bodies.
 * Neither has a stable deep link, so both go to its home page.
 */
export const CHINANPO_URL = 'https://chinanpo.mca.gov.cn/';

const KIND: Record<ReportLanguage, Record<ListingKind, string>> = {
  zh: {
    banned: '已被取缔',
    'website-shutdown': '网站已被关停',
    'suspected-illegal': '涉嫌非法社会组织',
    counterfeit: '山寨社团',
    dispersed: '已被劝散',
  },
  en: {
    banned: 'banned',
    'website-shutdown': 'website shut down',
    'suspected-illegal': 'suspected illegal organization',
    counterfeit: 'counterfeit ("shanzhai") society',
    dispersed: 'dispersed by the authorities',
  },
};

const LABEL = {
  zh: {
    heading: '非法社会组织线索举报',
    id: '报告编号',
    time: '发现时间',
    url: '网页地址',
    title: '网页标题',
    organizations: '网页中出现的、列入民政部公布的非法社会组织名单的组织',
    none: '（无）',
    newsOnly: '仅见于新闻报道',
    dateUnknown: '日期不详',
    pageForms: '网页上的写法',
    excerpts: '网页原文摘录（名称前后各至多 100 字）',
    inFrame: '出自网页中嵌入的另一网页',
    selection: '举报人选中的网页文字',
    selectionFrom: '选自',
    note: '举报人补充说明',
    screenshot: '截图',
    screenshotYes: '已附网页可见部分截图（见 JSON 文件 screenshot 字段）',
    footer: '本报告由 OrgCheck 浏览器扩展生成；名单摘自民政部公布的非法社会组织名单及相关报道，并不完整。',
    quoteOpen: '“',
    quoteClose: '”',
    sep: '；',
    colon: '：',
  },
  en: {
    heading: 'Report of a suspected illegal social organization',
    id: 'Report id',
    time: 'Time',
    url: 'Page URL',
    title: 'Page title',
    organizations: 'Organizations named on the page that are on the Ministry of Civil Affairs lists of illegal social organizations',
    none: '(none)',
    newsOnly: 'known only from news reports',
    dateUnknown: 'date not published',
    pageForms: 'as written on the page',
    excerpts: 'Excerpts of the page (up to 100 characters each side of the name)',
    inFrame: 'in another page embedded in this one',
    selection: 'Text the reporter selected on the page',
    selectionFrom: 'selected on',
    note: 'Reporter’s note',
    screenshot: 'Screenshot',
    screenshotYes: 'a screenshot of the visible part of the page is attached (the screenshot field of the JSON file)',
    footer: 'Made with the OrgCheck browser extension; its list is taken from the Ministry of Civil Affairs lists of illegal social organizations and news of them, and is partial.',
    quoteOpen: '“',
    quoteClose: '”',
    sep: '; ',
    colon: ': ',
  },
} as const;

/** The report as text in `lang`. */
/** `records`: the list records in use (a synced feed's over the bundled ones), to name each listing's list. */
export function reportText(report: Report, lang: ReportLanguage, records: ListRecords): string {
  const L = LABEL[lang];
  const lines: string[] = [];
  const field = (label: string, value: string) => lines.push(`${label}${L.colon}${value}`);
  lines.push(L.heading, '');
  field(L.id, report.id);
  field(L.time, formatTime(report.createdAt, lang));
  field(L.url, report.url);
  field(L.title, report.title || L.none);
  lines.push('', `${L.organizations}${L.colon}`);
  if (!report.organizations.length) lines.push(L.none);
  report.organizations.forEach((org, i) => {
    const name = lang === 'en' && org.nameEn ? `${org.name} (${org.nameEn})` : org.name;
    lines.push(`${i + 1}. ${name}`);
    for (const l of org.listings) lines.push(`   - ${listingLine(l, lang, records)}`);
    const other = org.forms.filter((f) => f !== org.name);
    if (other.length) lines.push(`   - ${L.pageForms}${L.colon}${other.map((f) => `${L.quoteOpen}${f}${L.quoteClose}`).join(L.sep)}`);
  });
  if (report.excerpts.length) {
    lines.push('', `${L.excerpts}${L.colon}`);
    for (const e of report.excerpts) {
      lines.push(`- ${L.quoteOpen}…${e.before}【${e.form}】${e.after}…${L.quoteClose}`);
      // Text of an embedded frame is that frame's site's, not the page's: say where it was.
      if (e.frameUrl && e.frameUrl !== report.url) lines.push(`  (${L.inFrame}${L.colon}${e.frameUrl})`);
    }
  }
  if (report.selection) {
    lines.push('', `${L.selection}${L.colon}`, report.selection);
    // Where it was selected: the page's own site, or a frame of another inside it.
    if (report.selectionFrom) lines.push(`  (${L.selectionFrom}${L.colon}${report.selectionFrom})`);
  }
  if (report.note) lines.push('', `${L.note}${L.colon}`, report.note);
  if (report.screenshot) lines.push('', `${L.screenshot}${L.colon}${L.screenshotYes}`);
  lines.push('', L.footer);
  return lines.join('\n') + '\n';
}

/**
 * One listing: its kind, then who published which list (its record, core/list-records.ts), its
 * date, and whether only news reports back it. Never the list's id: a listing whose list has no
 * record gives its kind and date only.
 */
function listingLine(listing: Report['organizations'][number]['listings'][number], lang: ReportLanguage, records: ListRecords): string {
  const L = LABEL[lang];
  const label = listingLabel(listing, lang === 'zh' ? 'zh_CN' : 'en', records);
  const parts: string[] = [KIND[lang][listing.kind]];
  if (label.issuer && label.title) {
    parts.push(lang === 'zh' ? `${label.issuer}《${label.title}》` : `${label.issuer}, “${label.title}”`);
  }
  parts.push(label.published ?? L.dateUnknown);
  if (label.newsOnly) parts.push(L.newsOnly);
  return parts.join(L.sep);
}

/** 2024-05-31 14:03 UTC, the same in both languages: a report is read far from where it was made. */
export function formatTime(iso: string, lang: ReportLanguage): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  const text = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
  return lang === 'zh' ? `${text}（北京时间 ${beijing(d)}）` : text;
}

function beijing(d: Date): string {
  const b = new Date(d.getTime() + 8 * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${b.getUTCFullYear()}-${pad(b.getUTCMonth() + 1)}-${pad(b.getUTCDate())} ${pad(b.getUTCHours())}:${pad(b.getUTCMinutes())}`;
}
