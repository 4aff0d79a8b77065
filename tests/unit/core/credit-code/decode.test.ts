import { describe, expect, it } from 'vitest';
import {
  checkCharacterFor,
  decodeCreditCode,
  divisionTable,
  readCreditCode,
  readDivision,
  REGISTERING_DEPARTMENTS,
  type DecodedCreditCode,
} from '../../../../src/core/credit-code';
import { DIVISIONS } from '../../../../src/core/credit-code/division-data';

/** A code with the given first 8 characters and a valid check character. */
function code(first8: string, organization = '50000924A'): string {
  const first17 = first8 + organization.slice(0, 9);
  return first17 + checkCharacterFor(first17)!;
}

function decoded(c: string): Extract<DecodedCreditCode, { problem?: undefined }> {
  const d = decodeCreditCode(c, DIVISIONS);
  if (d.problem) throw new Error(`${c}: ${d.problem}`);
  return d;
}

describe('decoding a code', () => {
  it('reads a national society registered with the ministry', () => {
    expect(decodeCreditCode('51100000500009247D', DIVISIONS)).toEqual({
      code: '51100000500009247D',
      department: 'civil-affairs',
      kind: 'social-organization',
      division: { code: '100000', level: 'national', current: true },
      meaning: 'national-society',
    });
  });

  it('reads a society registered locally', () => {
    const d = decoded(code('51110000'));
    expect(d.meaning).toBe('local-society');
    expect(d.division).toEqual({ code: '110000', level: 'province', place: '北京市', current: true });
  });

  it("reads a company's code as not a social organization", () => {
    expect(decoded('91110228397176695A')).toMatchObject({ department: 'market-regulation', kind: 'enterprise', meaning: 'company' });
    expect(decoded(code('92440100')).meaning).toBe('individual-business');
    expect(decoded(code('93440100')).meaning).toBe('cooperative');
  });

  it('reads the other civil-affairs kinds and the mass organizations', () => {
    expect(decoded('52610500MJU60350X1')).toMatchObject({ kind: 'social-service-organization', meaning: 'civil-affairs-non-society' });
    expect(decoded(code('53100000')).kind).toBe('foundation');
    expect(decoded(code('59100000')).kind).toBe('other');
    expect(decoded(code('13100000'))).toMatchObject({ department: 'establishment', kind: 'mass-organization', meaning: 'mass-organization' });
    expect(decoded(code('12100000')).meaning).toBe('not-social-organization');
  });

  const table: Array<[string, string, string]> = [
    ['11', 'establishment', 'government-body'],
    ['12', 'establishment', 'public-institution'],
    ['13', 'establishment', 'mass-organization'],
    ['19', 'establishment', 'other'],
    ['21', 'foreign-affairs', 'foreign-news-agency'],
    ['29', 'foreign-affairs', 'other'],
    ['31', 'justice', 'law-firm'],
    ['32', 'justice', 'notary-office'],
    ['33', 'justice', 'legal-service-office'],
    ['34', 'justice', 'forensic-institution'],
    ['35', 'justice', 'arbitration-commission'],
    ['39', 'justice', 'other'],
    ['41', 'culture', 'foreign-cultural-centre'],
    ['49', 'culture', 'other'],
    ['51', 'civil-affairs', 'social-organization'],
    ['52', 'civil-affairs', 'social-service-organization'],
    ['53', 'civil-affairs', 'foundation'],
    ['59', 'civil-affairs', 'other'],
    ['61', 'tourism', 'foreign-tourism-office'],
    ['62', 'tourism', 'hk-macao-taiwan-tourism-office'],
    ['69', 'tourism', 'other'],
    ['71', 'religion', 'religious-venue'],
    ['72', 'religion', 'religious-school'],
    ['79', 'religion', 'other'],
    ['81', 'trade-union', 'grassroots-union'],
    ['89', 'trade-union', 'other'],
    ['91', 'market-regulation', 'enterprise'],
    ['92', 'market-regulation', 'individual-business'],
    ['93', 'market-regulation', 'farmers-cooperative'],
    ['A1', 'military', 'military-public-institution'],
    ['A9', 'military', 'other'],
    ['N1', 'agriculture', 'group-collective'],
    ['N2', 'agriculture', 'village-collective'],
    ['N3', 'agriculture', 'township-collective'],
    ['N9', 'agriculture', 'other'],
    ['Y1', 'other', 'other'],
  ];

  it.each(table)('reads %s as %s / %s', (first2, department, kind) => {
    expect(decoded(code(`${first2}100000`))).toMatchObject({ department, kind });
  });

  it("covers every pair of the standard's tables", () => {
    const pairs = Object.entries(REGISTERING_DEPARTMENTS).flatMap(([d, { kinds }]) => Object.keys(kinds).map((k) => d + k));
    expect(pairs.sort()).toEqual(table.map(([p]) => p).sort());
  });

  it('says a pair the standard does not define is no code', () => {
    expect(decodeCreditCode(code('B1100000'), DIVISIONS).problem).toBe('department');
    expect(decodeCreditCode(code('94100000'), DIVISIONS).problem).toBe('kind');
    expect(decodeCreditCode(code('54100000'), DIVISIONS).problem).toBe('kind');
    expect(decodeCreditCode(code('Y2100000'), DIVISIONS).problem).toBe('kind');
  });

  it('says what is wrong with a code that cannot be real, without decoding it', () => {
    expect(decodeCreditCode('91350100M000100Y4Z', DIVISIONS)).toEqual({ code: '91350100M000100Y4Z', problem: 'characters', characters: ['Z'] });
    expect(decodeCreditCode('51100000500009247A', DIVISIONS)).toEqual({ code: '51100000500009247A', problem: 'check' });
    expect(decodeCreditCode('5110000050000924', DIVISIONS)).toEqual({ code: '5110000050000924', problem: 'length', length: 16 });
  });
});

describe('the region of a code', () => {
  it('names national, provincial, prefecture and county divisions', () => {
    expect(readDivision('100000', DIVISIONS)).toEqual({ code: '100000', level: 'national', current: true });
    expect(readDivision('440000', DIVISIONS)).toEqual({ code: '440000', level: 'province', place: '广东省', current: true });
    expect(readDivision('440100', DIVISIONS)).toEqual({ code: '440100', level: 'prefecture', place: '广东省广州市', current: true });
    expect(readDivision('440106', DIVISIONS)).toEqual({ code: '440106', level: 'county', place: '广东省广州市天河区', current: true });
    expect(readDivision('310115', DIVISIONS)).toEqual({ code: '310115', level: 'county', place: '上海市浦东新区', current: true });
    expect(readDivision('110100', DIVISIONS)).toEqual({ code: '110100', level: 'prefecture', place: '北京市', current: true });
  });

  it('names a retired code by its province, and says it is not current', () => {
    // 110228 was 北京市密云县 until it became 密云区 (110118) in 2015; codes issued before keep it.
    expect(readDivision('110228', DIVISIONS)).toEqual({ code: '110228', level: 'county', place: '北京市', current: false });
    expect(decoded('91110228397176695A').division.place).toBe('北京市');
  });

  it('says plainly that a region does not exist, and guesses nothing', () => {
    const d = decodeCreditCode(code('51990000'), DIVISIONS);
    expect(d).toEqual({ code: d.code, problem: 'division', division: { code: '990000', level: 'province', current: false } });
    expect(decodeCreditCode(code('51991234'), DIVISIONS).problem).toBe('division');
    expect(decodeCreditCode(code('5111A000'), DIVISIONS).problem).toBe('division');
  });

  it('is read from the rows it is given', () => {
    const table = divisionTable([
      { c: '110000', n: '北京市' },
      { c: '130000', n: '河北省' },
      { c: '130100', n: '石家庄市' },
      { c: '130102', n: '长安区' },
    ]);
    expect(readDivision('130102', table).place).toBe('河北省石家庄市长安区');
    expect(readDivision('130199', table)).toEqual({ code: '130199', level: 'county', place: '河北省石家庄市', current: false });
    expect(readDivision('130900', table)).toEqual({ code: '130900', level: 'prefecture', place: '河北省', current: false });
    expect(readDivision('110200', table)).toEqual({ code: '110200', level: 'prefecture', place: '北京市', current: true });
  });
});

describe('reading a code from what a person typed', () => {
  it('takes full-width, lower-case, spaced and labelled codes', () => {
    expect(readCreditCode('51100000500009247D')).toBe('51100000500009247D');
    expect(readCreditCode(' 51100000500009247d ')).toBe('51100000500009247D');
    expect(readCreditCode('５１１０００００５０００１２６８１Ｔ')).toBe('51100000500012681T');
    expect(readCreditCode('统一社会信用代码：51100000500012681T')).toBe('51100000500012681T');
    expect(readCreditCode('統一社會信用代碼: 5110 0000 5000 1268 1T')).toBe('51100000500012681T');
    expect(readCreditCode('USCC 91110228-397176695A')).toBe('91110228397176695A');
  });

  it('reads a code one character short or long, so the answer can say so', () => {
    expect(readCreditCode('5110000050000924')).toBe('5110000050000924');
  });

  it('leaves names alone', () => {
    for (const name of ['中国美术家协会', 'China Robot Education Alliance', 'ChinaRobotEducationAlliance', '2021年第三批', '中国2008奥运志愿者协会']) {
      expect(readCreditCode(name), name).toBeUndefined();
    }
  });
});
