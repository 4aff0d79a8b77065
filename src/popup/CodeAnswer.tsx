/**
 * The lookup's answer for a unified social credit code (core/credit-code): verdict first (a code
 * that can't be real says why: mistyped or made up), then who registered it as what and where, and
 * what that means for someone asked to join or pay; always the registry links, since a code never
 * says whose it is. The region table (about 210 kB) is loaded only once a code is typed.
 */
import { useEffect, useState } from 'preact/hooks';
import { decodeCreditCode, type DecodedCreditCode, type DivisionTable } from '../core/credit-code';
import { CHINANPO_URL } from '../core/report-text';
import { listOf, t } from '../shared/i18n';

export const COMPANY_REGISTRY_URL = 'https://www.gsxt.gov.cn/';

let divisionsLoading: Promise<DivisionTable> | undefined;

/** The region table once some code needs it (undefined until loaded). */
export function useDivisions(needed: boolean): DivisionTable | undefined {
  const [table, setTable] = useState<DivisionTable>();
  useEffect(() => {
    if (!needed || table) return;
    divisionsLoading ??= import('../core/credit-code/division-data').then((m) => m.DIVISIONS);
    let current = true;
    void divisionsLoading.then((loaded) => current && setTable(loaded));
    return () => {
      current = false;
    };
  }, [needed, table]);
  return table;
}

export function CodeAnswer({ code, divisions, several }: { code: string; divisions: DivisionTable | undefined; several: boolean }) {
  if (!divisions) {
    return (
      <section class="verdict" data-testid="lookup-verdict" data-name={code} data-verdict="code-reading">
        <p class="verdict-line">{t('codeReading')}</p>
      </section>
    );
  }
  const decoded = decodeCreditCode(code, divisions);
  const valid = !decoded.problem;
  return (
    <section
      class={`verdict code ${valid ? 'code-valid' : 'code-invalid'}`}
      data-testid="lookup-verdict"
      data-name={code}
      data-verdict={valid ? 'code-valid' : 'code-invalid'}
      data-problem={decoded.problem}
      data-meaning={decoded.problem ? undefined : decoded.meaning}
    >
      <p class="verdict-line" role={several ? undefined : 'status'}>
        <strong>{verdictLine(decoded)}</strong>
      </p>
      {decoded.problem ? (
        <p>{t('codeInvalidNext')}</p>
      ) : (
        <>
          <p data-testid="code-kind">{kindLine(decoded)}</p>
          <p data-testid="code-where">{whereLine(decoded)}</p>
          <p class="code-meaning" data-testid="code-meaning">
            {meaningLine(decoded)}
          </p>
          <p>{t('codeProvesLittle')}</p>
        </>
      )}
      <p class="registry-links">
        <a href={CHINANPO_URL} target="_blank" rel="noopener noreferrer" data-testid="registry-link">
          {t('officialRegistry')}
        </a>
        {decoded.problem || decoded.department === 'market-regulation' ? (
          <a href={COMPANY_REGISTRY_URL} target="_blank" rel="noopener noreferrer" data-testid="company-registry-link">
            {t('companyRegistry')}
          </a>
        ) : null}
      </p>
    </section>
  );
}

function verdictLine(d: DecodedCreditCode): string {
  switch (d.problem) {
    case undefined:
      return t('codeValid', d.code);
    case 'length':
      return t('codeBadLength', d.code, d.length);
    case 'characters':
      return t('codeBadCharacters', d.code, listOf(d.characters));
    case 'check':
      return t('codeBadCheck', d.code);
    case 'department':
      return t('codeBadDepartment', d.code, d.code[0]!);
    case 'kind':
      return t('codeBadKind', d.code);
    case 'division':
      return t('codeBadDivision', d.code, d.division.code);
  }
}

type Decoded = Extract<DecodedCreditCode, { problem?: undefined }>;

function whereLine({ department, division }: Decoded): string {
  if (division.level === 'national') return department === 'civil-affairs' ? t('codeWhereNationalMinistry') : t('codeWhereNational');
  return division.current ? t('codeWhere', division.place!) : t('codeWhereFormer', division.place!, division.code);
}

function meaningLine(d: Decoded): string {
  switch (d.meaning) {
    case 'national-society':
      return t('codeMeaning_national_society');
    case 'local-society':
      return t('codeMeaning_local_society', d.division.place!);
    case 'civil-affairs-non-society':
      return t('codeMeaning_civil_affairs_non_society');
    case 'company':
      return t('codeMeaning_company');
    case 'individual-business':
      return t('codeMeaning_individual_business');
    case 'cooperative':
      return t('codeMeaning_cooperative');
    case 'mass-organization':
      return t('codeMeaning_mass_organization');
    case 'not-social-organization':
      return t('codeMeaning_not_social_organization');
  }
}

/** "Registered as a company, by …": one message per pair of the code's first two characters (codeKind_91 …). */
function kindLine(d: Decoded): string {
  return t(`codeKind_${d.code.slice(0, 2)}`);
}
