/**
 * The partial copy of the national registry that the popup's lookup consults
 * (data/lawful-national-partial.json, from ../shared/data by `npm run data`).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import copy from '../../../data/lawful-national-partial.json';
import { findLawfulBody, type LawfulRegistryCopy } from '../../../src/core/lawful-registry';
import { notFound, skipWithout } from '../../skips';

const registry = copy as LawfulRegistryCopy;
const RESEARCH = path.resolve(__dirname, '../../../../shared/data/lawful-national-partial.json');

describe('the partial copy of the national registry', () => {
  it('finds a lawful body by its whole name, in either script, with stray spaces', () => {
    expect(findLawfulBody(registry, '中国美术家协会')?.name).toBe('中国美术家协会');
    expect(findLawfulBody(registry, '中國美術家協會')?.name).toBe('中国美术家协会');
    expect(findLawfulBody(registry, ' 中国摄影家 协会 ')?.name).toBe('中国摄影家协会');
    expect(findLawfulBody(registry, '中国扶贫基金会')?.confidence).toBe('medium');
  });

  it('finds nothing for part of a name, a listed counterfeit or an empty query', () => {
    expect(findLawfulBody(registry, '美术家协会')).toBeUndefined();
    expect(findLawfulBody(registry, '中国美术协会')).toBeUndefined();
    expect(findLawfulBody(registry, '中国医院学会')).toBeUndefined();
    expect(findLawfulBody(registry, '  ')).toBeUndefined();
  });

  it('says when the copy was made', () => {
    expect(registry.period).toBe('2017–2018');
    expect(registry.bodies.length).toBe(475);
  });

  it.skipIf(skipWithout(import.meta.url, existsSync(RESEARCH), 'research-data tests', notFound(RESEARCH)))('holds exactly the names of the research file', () => {
    const research = (JSON.parse(readFileSync(RESEARCH, 'utf8')) as Array<{ name: string }>).map((b) => b.name).sort();
    expect(registry.bodies.map((b) => b.name).sort()).toEqual(research);
  });
});
