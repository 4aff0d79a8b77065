/**
 * Characters 3–8 of a unified social credit code: the administrative division (GB/T 2260) of the
 * authority that registered the organization. `100000` is national: a society registered with the
 * Ministry of Civil Affairs itself has a code beginning 51100000.
 *
 * Division codes change (a county becomes a district, 110228 北京市密云县 became 110118 密云区), and
 * codes issued before keep the old one. The table is today's, so a code it doesn't hold is named by
 * its province (and prefecture) and said to be a former or unknown one; a province it doesn't hold
 * means no such region exists.
 */

/** One row of a GB/T 2260 table: the six-digit code and the division's name. */
export interface DivisionRow {
  c: string;
  n: string;
}

export interface DivisionTable {
  /** Name by six-digit code: provinces (XX0000), prefectures (XXYY00), counties (XXYYZZ). */
  readonly names: ReadonlyMap<string, string>;
  /** Provinces that have prefecture-level rows (not the four municipalities). */
  readonly provincesWithPrefectures: ReadonlySet<string>;
}

export function divisionTable(rows: Iterable<DivisionRow>): DivisionTable {
  const names = new Map<string, string>();
  const provincesWithPrefectures = new Set<string>();
  for (const { c, n } of rows) {
    if (!/^\d{6}$/.test(c) || !n) continue;
    names.set(c, n);
    if (c.endsWith('00') && !c.endsWith('0000')) provincesWithPrefectures.add(c.slice(0, 2));
  }
  return { names, provincesWithPrefectures };
}

export const NATIONAL_DIVISION = '100000';

export type DivisionLevel = 'national' | 'province' | 'prefecture' | 'county';

export interface DivisionReading {
  code: string;
  level: DivisionLevel;
  /** The place, largest first ("上海市浦东新区"); undefined when national or when no such region exists. */
  place?: string;
  /** Whether today's table holds this exact code (false: a former code, or none at all when place is undefined). */
  current: boolean;
}

export function readDivision(code: string, table: DivisionTable): DivisionReading {
  if (code === NATIONAL_DIVISION) return { code, level: 'national', current: true };
  const level: DivisionLevel = code.endsWith('0000') ? 'province' : code.endsWith('00') ? 'prefecture' : 'county';
  const province = table.names.get(`${code.slice(0, 2)}0000`);
  if (!province) return { code, level, current: false };
  if (level === 'province') return { code, level, place: province, current: true };
  const prefectureCode = `${code.slice(0, 4)}00`;
  const prefecture = table.names.get(prefectureCode);
  // A municipality's XX0100 / XX0200 (市辖区, 县) have no row of their own: the municipality is the place.
  const municipality = !table.provincesWithPrefectures.has(code.slice(0, 2));
  if (level === 'prefecture') {
    if (prefecture) return { code, level, place: province + prefecture, current: true };
    return { code, level, place: province, current: municipality && /^\d\d0[12]00$/.test(code) };
  }
  const county = table.names.get(code);
  const above = province + (prefecture ?? '');
  return county ? { code, level, place: above + county, current: true } : { code, level, place: above, current: false };
}
