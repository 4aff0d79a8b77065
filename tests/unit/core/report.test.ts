import { describe, expect, it } from 'vitest';
import bundled from '../../../data/organizations.json' with { type: 'json' };
import type { BlocklistEntry } from '../../../src/core/list-schema';
import {
  buildDraft, focusedFrame, CONTEXT_CHARS, finishReport, isReport, MAX_EXCERPTS, reportFileName, reportJson, type FrameContext,
} from '../../../src/core/report';

const byId = new Map((bundled as BlocklistEntry[]).map((e) => [e.id, e]));
const ID = '0b7e6a3c-2f5d-4c1e-9a8b-1234567890ab';
const AT = new Date('2024-05-31T06:03:00Z');

function draft(frames: FrameContext[], exclude?: Set<string>, selection?: { text: string; from: string }) {
  return buildDraft({ id: ID, createdAt: AT, page: { url: 'https://example.cn/a', title: '标题' }, frames, entry: (id) => byId.get(id), exclude, selection });
}

const top: FrameContext = {
  url: 'https://example.cn/a',
  title: '标题',
  matches: [
    { entryId: 'china-robot-education-alliance', form: '中国机器人教育联盟', before: '由\n  ', after: '主办' },
    { entryId: 'china-robot-education-alliance', form: '中国机器人教育联盟', before: '由\n  ', after: '主办' }, // same occurrence twice
    { entryId: 'zhongguo-chengshi-guidao-jiaotong-xiehui', form: '中国城市轨道交通协会', before: '', after: '' }, // never warns
    { entryId: 'not-in-the-list', form: 'x', before: '', after: '' },
  ],
};
const child: FrameContext = {
  url: 'https://ads.example/frame',
  title: 'frame',
  matches: [{ entryId: 'china-positive-discipline-association', form: '中國正面管教協會', before: '协办：', after: '' }],
};

describe('buildDraft', () => {
  it('merges the frames: the page’s URL and title, warning organizations, excerpts once each', () => {
    const d = draft([top, child], undefined, { text: ' 选中的文字 ', from: 'https://example.cn' });
    expect(d).toMatchObject({ format: 'orgcheck-report/1', id: ID, createdAt: '2024-05-31T06:03:00.000Z', url: 'https://example.cn/a', title: '标题' });
    expect(d.organizations.map((o) => [o.id, o.name, o.forms])).toEqual([
      ['china-robot-education-alliance', '中国机器人教育联盟', ['中国机器人教育联盟']],
      ['china-positive-discipline-association', '中国正面管教协会', ['中國正面管教協會']],
    ]);
    expect(d.organizations[0]!.nameEn).toBe('China Robot Education Alliance');
    expect(d.organizations[0]!.listings).toEqual(byId.get('china-robot-education-alliance')!.listings);
    expect(d.excerpts).toEqual([
      { entryId: 'china-robot-education-alliance', form: '中国机器人教育联盟', before: '由 ', after: '主办', frameUrl: 'https://example.cn/a' },
      { entryId: 'china-positive-discipline-association', form: '中國正面管教協會', before: '协办：', after: '', frameUrl: 'https://ads.example/frame' },
    ]);
    expect(d.selection).toBe('选中的文字');
    expect(d.selectionFrom).toBe('https://example.cn');
  });

  // Issue 11 item 6: a report blamed the top site for a cross-origin iframe's text.
  it("records each occurrence's frame URL, in the JSON as sent", () => {
    const d = draft([top, child]);
    const sent = JSON.parse(reportJson(finishReport(d, '', null))) as { url: string; excerpts: Array<{ form: string; frameUrl: string }> };
    expect(sent.url).toBe('https://example.cn/a');
    expect(sent.excerpts.map((e) => [e.form, e.frameUrl])).toEqual([
      ['中国机器人教育联盟', 'https://example.cn/a'],
      ['中國正面管教協會', 'https://ads.example/frame'],
    ]);
  });

  it('leaves out organizations the user said are not meant here', () => {
    expect(draft([top, child], new Set(['china-positive-discipline-association'])).organizations.map((o) => o.id)).toEqual([
      'china-robot-education-alliance',
    ]);
  });

  it('keeps at most 100 characters each side and a bounded number of excerpts', () => {
    const long = '字'.repeat(300);
    const d = draft([{ ...top, matches: [{ entryId: 'china-robot-education-alliance', form: '中国机器人教育联盟', before: `头${long}`, after: `${long}尾` }] }]);
    expect([...d.excerpts[0]!.before]).toHaveLength(CONTEXT_CHARS);
    expect(d.excerpts[0]!.before.endsWith('字')).toBe(true);
    expect([...d.excerpts[0]!.after]).toHaveLength(CONTEXT_CHARS);
    const many = Array.from({ length: 80 }, (_, i) => ({ entryId: 'china-robot-education-alliance', form: '中国机器人教育联盟', before: String(i), after: '' }));
    expect(draft([{ ...top, matches: many }]).excerpts).toHaveLength(MAX_EXCERPTS);
  });

  it('has no selection (null) when nothing is selected, and no organizations on a page naming none', () => {
    const d = draft([{ url: 'https://e.cn', title: '', matches: [] }], undefined, { text: '   ', from: 'https://e.cn' });
    expect(d.selection).toBeNull();
    expect(d).not.toHaveProperty('selectionFrom');
    expect(d.organizations).toEqual([]);
    expect(d.excerpts).toEqual([]);
  });
});

describe('focusedFrame (issue 18 item 5)', () => {
  const frame = (framePath: number[], focusedChild: number | null, name: string, userActivated = true) => ({ framePath, focusedChild, name, userActivated });

  it('follows document.activeElement from the top frame down to the frame that last had focus', () => {
    const frames = [frame([], 1, 'top'), frame([0], null, 'first'), frame([1], 0, 'ad'), frame([1, 0], null, 'in the ad')];
    expect(focusedFrame(frames)?.name).toBe('in the ad');
    expect(focusedFrame([frame([], null, 'top'), frame([0], null, 'ad')])?.name).toBe('top');
  });

  it('goes into a frame only when a person has interacted with it (a frame takes the focus by script)', () => {
    expect(focusedFrame([frame([], 0, 'top'), frame([0], null, 'ad', false)])?.name).toBe('top');
    expect(focusedFrame([frame([], 0, 'top', false), frame([0], null, 'ad', false)])).toBeNull();
    // A person's click in a frame activates its ancestors too; the frame's own activation is what counts.
    expect(focusedFrame([frame([], 0, 'top', false), frame([0], null, 'ad', true)])?.name).toBe('ad');
  });

  it('is none when the chain leads to a frame that did not answer, or there is no top frame', () => {
    expect(focusedFrame([frame([], 2, 'top'), frame([0], null, 'ad')])?.name).toBe('top');
    expect(focusedFrame([frame([0], null, 'ad')])).toBeNull();
  });
});

describe('finishReport and reportJson', () => {
  it('adds the trimmed note (empty → null) and only an image screenshot', () => {
    const d = draft([top]);
    expect(finishReport(d, '  ', null).note).toBeNull();
    expect(finishReport(d, ' 收费 ', null).note).toBe('收费');
    expect(finishReport(d, '', 'data:image/jpeg;base64,/9j/AA==').screenshot).toBe('data:image/jpeg;base64,/9j/AA==');
    expect(finishReport(d, '', 'javascript:alert(1)').screenshot).toBeNull();
  });

  it('writes the fields in one order, whatever order the object has (storage sorts keys)', () => {
    const r = finishReport(draft([top, child]), 'n', null);
    const sortKeys = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(sortKeys) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, sortKeys(x)])) : v;
    const sorted = sortKeys(r) as typeof r;
    expect(Object.keys(sorted)[0]).toBe('createdAt');
    const shuffled = Object.fromEntries(Object.entries(r).reverse()) as typeof r;
    expect(reportJson(shuffled)).toBe(reportJson(r));
    expect(Object.keys(JSON.parse(reportJson(sorted)))).toEqual(['format', 'id', 'createdAt', 'url', 'title', 'organizations', 'excerpts', 'selection', 'note', 'screenshot']);
    // Nothing but the fields: an extra property does not leave.
    expect(reportJson({ ...r, cookies: 'x' } as typeof r)).not.toContain('cookies');
    expect(isReport(JSON.parse(reportJson(r)))).toBe(true);
    expect(isReport({ ...r, id: 'nope' })).toBe(false);
    expect(reportFileName(r)).toBe('orgcheck-report-2024-05-31-0b7e6a3c');
  });
});
