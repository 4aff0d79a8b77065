/**
 * Reading an organization's unified social credit code (统一社会信用代码, GB 32100-2015). The
 * ministry's notices end with the same advice: verify an organization's identity before cooperating
 * with it, and a code is what a person is given to verify. Its 18 characters say, offline and with
 * certainty, whether it can be a real code (a check character catches any one mistyped character),
 * which department registered the organization and as what (a society, a company …), and where
 * (national, or a province, prefecture or county): a counterfeit "national" society often shows a
 * code with a wrong check character, a company's code, or a society code registered locally. What a
 * code can't say is whose it is: the registry link checks the name behind it.
 *
 * read-code.ts finds a code in what a person typed; decode.ts reads it, with check-character.ts,
 * registering-departments.ts (the standard's tables) and divisions.ts (GB/T 2260 regions; the data
 * itself is in division-data.ts, loaded only when needed).
 */
export { CODE_CHARACTERS, checkCharacterFor, hasValidCheckCharacter } from './check-character';
export { decodeCreditCode, type CodeMeaning, type CodeProblem, type DecodedCreditCode } from './decode';
export { divisionTable, readDivision, NATIONAL_DIVISION, type DivisionReading, type DivisionTable } from './divisions';
export { readCreditCode } from './read-code';
export { REGISTERING_DEPARTMENTS, type DepartmentId, type KindId } from './registering-departments';
