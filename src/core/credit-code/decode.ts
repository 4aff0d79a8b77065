/**
 * What a unified social credit code says, offline and with certainty: whether it can be real (its
 * length, its characters, its check character, a department and kind the standard defines, a region
 * that exists), who registered it as what, where, and what that means for someone asked to join a
 * society or pay one. It never says whose code it is: only the registry can tell which organization
 * holds it, so every answer ends with the registry link.
 */
import { checkCharacterFor, foreignCharacters } from './check-character';
import { readDivision, type DivisionReading, type DivisionTable } from './divisions';
import { REGISTERING_DEPARTMENTS, type DepartmentId, type KindId } from './registering-departments';

/**
 * Why a code can't be real, in the order checked: not 18 characters; characters no code uses;
 * the check character doesn't match (mistyped or made up); no department has its first character;
 * the department has no kind with its second; its region doesn't exist.
 */
export type CodeProblem = 'length' | 'characters' | 'check' | 'department' | 'kind' | 'division';

/**
 * What the registration means for someone asked to join or pay: a society registered with the
 * ministry (may use a national name), one registered locally (may not), another body registered by
 * civil affairs (no members to enrol), a company, an individual business or a cooperative (not a
 * social organization), a people's organization exempt from registration, or anything else.
 */
export type CodeMeaning =
  | 'national-society'
  | 'local-society'
  | 'civil-affairs-non-society'
  | 'company'
  | 'individual-business'
  | 'cooperative'
  | 'mass-organization'
  | 'not-social-organization';

export type DecodedCreditCode =
  | { code: string; problem: 'length'; length: number }
  | { code: string; problem: 'characters'; characters: string[] }
  | { code: string; problem: 'check' | 'department' | 'kind' }
  | { code: string; problem: 'division'; division: DivisionReading }
  | {
      code: string;
      problem?: undefined;
      department: DepartmentId;
      kind: KindId;
      division: DivisionReading;
      meaning: CodeMeaning;
    };

/** `code`: upper case, as read-code.ts returns it. */
export function decodeCreditCode(code: string, divisions: DivisionTable): DecodedCreditCode {
  if (code.length !== 18) return { code, problem: 'length', length: code.length };
  const characters = foreignCharacters(code);
  if (characters.length) return { code, problem: 'characters', characters };
  if (checkCharacterFor(code.slice(0, 17)) !== code[17]) return { code, problem: 'check' };
  const department = REGISTERING_DEPARTMENTS[code[0]!];
  if (!department) return { code, problem: 'department' };
  const kind = department.kinds[code[1]!];
  if (!kind) return { code, problem: 'kind' };
  const division = /^\d{6}$/.test(code.slice(2, 8)) ? readDivision(code.slice(2, 8), divisions) : undefined;
  if (!division?.place && division?.level !== 'national') {
    return { code, problem: 'division', division: division ?? { code: code.slice(2, 8), level: 'county', current: false } };
  }
  return { code, department: department.id, kind, division, meaning: meaningOf(department.id, kind, division) };
}

function meaningOf(department: DepartmentId, kind: KindId, division: DivisionReading): CodeMeaning {
  if (department === 'civil-affairs') {
    if (kind === 'social-organization') return division.level === 'national' ? 'national-society' : 'local-society';
    return 'civil-affairs-non-society';
  }
  if (kind === 'enterprise') return 'company';
  if (kind === 'individual-business') return 'individual-business';
  if (kind === 'farmers-cooperative') return 'cooperative';
  if (kind === 'mass-organization') return 'mass-organization';
  return 'not-social-organization';
}
