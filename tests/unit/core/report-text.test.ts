import { describe, expect, it } from 'vitest';
import bundled from '../../../data/organizations.json' with { type: 'json' };
import type { BlocklistEntry } from '../../../src/core/list-schema';
import { buildDraft, finishReport } from '../../../src/core/report';
import { BUNDLED_LIST_RECORDS } from '../../../src/core/bundled-list-records';
import { formatTime, reportText } from '../../../src/core/report-text';

const byId = new Map((bundled as BlocklistEntry[]).map((e) => [e.id, e]));
const report = finishReport(
  buildDraft({
    id: '0b7e6a3c-2f5d-4c1e-9a8b-1234567890ab',
    createdAt: new Date('2024-05-31T16:03:00Z'),
    page: { url: 'https://example.cn/a', title: '夏令营' },
    frames: [
      {
        url: 'https://example.cn/a',
        title: '夏令营',
        matches: [{ entryId: 'china-robot-education-alliance', form: '中國機器人教育聯盟', before: '由', after: '主办' }],
      },
    ],
    entry: (id) => byId.get(id),
    selection: { text: '报名费980元', from: 'https://example.cn' },
  }),
  '颁发证书',
  null,
);

describe('reportText', () => {
  it('says the same as the JSON, in Chinese', () => {
    const text = reportText(report, 'zh', BUNDLED_LIST_RECORDS);
    for (const s of [
      '非法社会组织线索举报',
      '报告编号：0b7e6a3c-2f5d-4c1e-9a8b-1234567890ab',
      '发现时间：2024-05-31 16:03 UTC（北京时间 2024-06-01 00:03）',
      '网页地址：https://example.cn/a',
      '网页标题：夏令营',
      '1. 中国机器人教育联盟',
      '   - 网站已被关停；民政部《2021年第三批关停的非法社会组织网站》；2021-05-31；仅见于新闻报道',
      '网页上的写法：“中國機器人教育聯盟”',
      '- “…由【中國機器人教育聯盟】主办…”',
      '报名费980元\n  (选自：https://example.cn)',
      '颁发证书',
    ]) {
      expect(text).toContain(s);
    }
    expect(text).not.toContain('截图');
  });

  it('in English, with the English name', () => {
    const text = reportText({ ...report, screenshot: 'data:image/jpeg;base64,AA==' }, 'en', BUNDLED_LIST_RECORDS);
    expect(text).toContain('1. 中国机器人教育联盟 (China Robot Education Alliance)');
    expect(text).toContain('website shut down; Ministry of Civil Affairs, “Websites of illegal social organizations shut down, 2021 batch 3”; 2021-05-31; known only from news reports');
    expect(text).toContain('Time: 2024-05-31 16:03 UTC');
    expect(text).toContain('Screenshot: a screenshot of the visible part of the page is attached');
    expect(text).not.toContain('base64');
  });

  it('formats a bad time as it is', () => {
    expect(formatTime('x', 'en')).toBe('x');
  });
});

describe('reportText of text from an embedded frame', () => {
  const framed = finishReport(
    buildDraft({
      id: '0b7e6a3c-2f5d-4c1e-9a8b-1234567890ab',
      createdAt: new Date('2024-05-31T16:03:00Z'),
      page: { url: 'https://news.example/a', title: '新闻' },
      frames: [
        { url: 'https://news.example/a', title: '新闻', matches: [] },
        {
          url: 'https://ads.example/slot',
          title: '',
          matches: [{ entryId: 'china-robot-education-alliance', form: '中国机器人教育联盟', before: '合作伙伴：', after: '' }],
        },
      ],
      entry: (id) => byId.get(id),
    }),
    '',
    null,
  );
  it('says which frame the text was in (issue 11 item 6), in both languages', () => {
    expect(reportText(framed, 'zh', BUNDLED_LIST_RECORDS)).toContain('- “…合作伙伴：【中国机器人教育联盟】…”\n  (出自网页中嵌入的另一网页：https://ads.example/slot)');
    expect(reportText(framed, 'en', BUNDLED_LIST_RECORDS)).toContain('(in another page embedded in this one: https://ads.example/slot)');
  });
  it("says nothing more for the page's own text", () => {
    expect(reportText(report, 'zh', BUNDLED_LIST_RECORDS)).not.toContain('出自网页中嵌入');
  });

  it('names no list id and no research note, for every organization in the bundled list, in both languages', () => {
    const entries = bundled as BlocklistEntry[];
    const ids = [...new Set(entries.flatMap((e) => e.listings.map((l) => l.list)))];
    const all = finishReport(
      buildDraft({
        id: '0b7e6a3c-2f5d-4c1e-9a8b-1234567890ac',
        createdAt: new Date('2024-05-31T16:03:00Z'),
        page: { url: 'https://example.cn/b', title: 't' },
        frames: [{ url: 'https://example.cn/b', title: 't', matches: entries.map((e) => ({ entryId: e.id, form: e.names.zh, before: '', after: '' })) }],
        entry: (id) => byId.get(id),
      }),
      '',
      null,
    );
    for (const lang of ['zh', 'en'] as const) {
      const text = reportText(all, lang, BUNDLED_LIST_RECORDS);
      for (const id of ids) expect(text).not.toContain(id);
      for (const e of entries) if (e.note) expect(text).not.toContain(e.note.slice(0, 40));
    }
  });

  it('gives the kind and date of a listing whose list has no record', () => {
    const unknown = { ...report, organizations: [{ ...report.organizations[0]!, listings: [{ list: 'made-up-2030', kind: 'banned' as const, published: '2030-01-02', sources: [] }] }] };
    expect(reportText(unknown, 'zh', BUNDLED_LIST_RECORDS)).toContain('   - 已被取缔；2030-01-02\n');
    expect(reportText(unknown, 'en', BUNDLED_LIST_RECORDS)).toContain('   - banned; 2030-01-02\n');
    expect(reportText(unknown, 'en', BUNDLED_LIST_RECORDS)).not.toContain('made-up-2030');
  });
});
