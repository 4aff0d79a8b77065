import { describe, expect, it } from 'vitest';
import { fitFrame, TAB_LIMITS, withFrame } from '../../../src/core/tab-limits';
import type { FrameReport } from '../../../src/shared/findings';

const frame = (findings: FrameReport['findings'], over: Partial<FrameReport> = {}): FrameReport => ({
  url: 'https://a.example/',
  title: '',
  listKey: 'k',
  findings,
  titleIds: [],
  stats: { longestTaskMs: 0, setupMs: 0 },
  ...over,
});
const finding = (id: string, count = 1) => ({ id, count, inText: count, forms: ['名'] });
const bytes = (v: unknown) => new TextEncoder().encode(JSON.stringify(v)).length;

describe('fitFrame', () => {
  it('keeps an ordinary frame as it is', () => {
    const report = frame(Array.from({ length: 300 }, (_, i) => finding(`some-listed-organization-${i}`)));
    expect(fitFrame(report)).toBe(report);
  });
  it('cuts a hostile frame to its budget, the most named first', () => {
    // The biggest report the payload checks let through: 1000 findings, long ids, five long forms.
    const huge = frame(
      Array.from({ length: 1000 }, (_, i) => ({ id: `${'x'.repeat(190)}-${i}`, count: i, inText: i, forms: Array(5).fill('名'.repeat(200)) })),
      { title: '题'.repeat(500) },
    );
    expect(bytes(huge)).toBeGreaterThan(2_000_000);
    const fitted = fitFrame(huge);
    expect(bytes(fitted)).toBeLessThanOrEqual(TAB_LIMITS.frameBytes);
    expect(fitted.findings.length).toBeGreaterThan(10);
    expect(fitted.findings[0]!.count).toBe(999);
  });
});

describe('withFrame', () => {
  it('keeps the top frame and subframes that found something', () => {
    expect(withFrame({}, 0, frame([]))).toEqual({ 0: frame([]) });
    expect(withFrame({}, 3, frame([finding('a')]))).toEqual({ 3: frame([finding('a')]) });
    expect(withFrame({}, 3, frame([]))).toBeNull();
    expect(withFrame({ 3: frame([finding('a')]) }, 3, frame([]))).toEqual({});
  });
  it('keeps a bounded number of subframes', () => {
    let frames: Record<string, FrameReport> = { 0: frame([]) };
    for (let id = 1; id <= TAB_LIMITS.subframes; id++) frames = withFrame(frames, id, frame([finding('a')]))!;
    expect(withFrame(frames, 999, frame([finding('a')]))).toBeNull();
    // Those kept still update, and the top frame always does.
    expect(withFrame(frames, 1, frame([finding('b')]))![1]!.findings[0]!.id).toBe('b');
    expect(withFrame(frames, 0, frame([finding('b')]))![0]!.findings[0]!.id).toBe('b');
  });
});
