/**
 * The help page (src/help/index.html, opened by the banner's help button through the background,
 * and by the popup): what OrgCheck does, what the ministry's lists are, what each kind of listing
 * means, what to do, what a unified social credit code tells, how the warnings look and the limits
 * of the list. Sections have stable ids
 * (HELP_SECTIONS) so that other parts link to one: help/index.html#what-to-do.
 */
import type { ComponentChildren } from 'preact';
import type { ListingKind } from '../core/list-schema';
import { CHINANPO_URL } from '../core/report-text';
import { kindLabel, t } from '../shared/i18n';

/** The official registry of social organizations, where a name and its credit code can be checked. */
export const REGISTRY_URL = 'https://xxgs.chinanpo.mca.gov.cn/';

export const HELP_SECTIONS = ['lists', 'kinds', 'what-to-do', 'code', 'warnings', 'limits'] as const;

const SECTION_TITLES: Record<(typeof HELP_SECTIONS)[number], string> = {
  lists: 'helpListsTitle',
  kinds: 'helpKindsTitle',
  'what-to-do': 'helpDoTitle',
  code: 'helpCodeTitle',
  warnings: 'helpWarningsTitle',
  limits: 'helpLimitsTitle',
};

/** One plain sentence per kind (literal keys: tests/unit/locales.test.ts checks each exists). */
const KIND_SENTENCES: Record<ListingKind, () => string> = {
  banned: () => t('helpKindBanned'),
  'website-shutdown': () => t('helpKindWebsiteShutdown'),
  'suspected-illegal': () => t('helpKindSuspected'),
  counterfeit: () => t('helpKindCounterfeit'),
  dispersed: () => t('helpKindDispersed'),
};

function Section({ id, children }: { id: (typeof HELP_SECTIONS)[number]; children: ComponentChildren }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t(SECTION_TITLES[id])}</h2>
      {children}
    </section>
  );
}

function OutLink({ href, children }: { href: string; children: string }) {
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}

export function Help() {
  return (
    <main>
      <h1>
        <img src="/icons/icon-48.png" alt="" width={32} height={32} />
        {t('helpTitle')}
      </h1>
      <p class="lead">{t('helpIntro')}</p>
      <nav aria-labelledby="help-contents">
        <h2 id="help-contents" class="contents-title">{t('helpContents')}</h2>
        <ul>
          {HELP_SECTIONS.map((id) => (
            <li key={id}>
              <a href={`#${id}`}>{t(SECTION_TITLES[id])}</a>
            </li>
          ))}
        </ul>
      </nav>

      <Section id="lists">
        <p>{t('helpListsBody')}</p>
        <p>{t('helpListsCounterfeit')}</p>
        <p>{t('helpListsNotice')}</p>
      </Section>

      <Section id="kinds">
        <dl class="kinds">
          {(Object.keys(KIND_SENTENCES) as ListingKind[]).map((kind) => (
            <div key={kind} data-kind={kind}>
              <dt>{kindLabel(kind)}</dt>
              <dd>{KIND_SENTENCES[kind]()}</dd>
            </div>
          ))}
        </dl>
      </Section>

      <Section id="what-to-do">
        <ol class="steps">
          <li>{t('helpDoNoPay')}</li>
          <li>{t('helpDoCode')}</li>
          <li>
            {t('helpDoRegistry')} <OutLink href={REGISTRY_URL}>{t('helpRegistryLink')}</OutLink>
          </li>
          <li>
            {t('helpDoReport')} <OutLink href={CHINANPO_URL}>{t('helpComplaintLink')}</OutLink>
          </li>
        </ol>
      </Section>

      <Section id="code">
        <p>{t('helpCodeWhat')}</p>
        <p>{t('helpCodeSociety')}</p>
        <p>
          {t('helpCodeLimit')} <OutLink href={REGISTRY_URL}>{t('helpRegistryLink')}</OutLink>
        </p>
      </Section>

      <Section id="warnings">
        <p>{t('helpBanner')}</p>
        <p>{t('helpAlertNotice')}</p>
        <p>
          <strong>{t('helpBadge')}</strong>
        </p>
        <p>{t('helpBadgeHidden')}</p>
      </Section>

      <Section id="limits">
        <ul>
          <li>{t('helpLimitsPartial')}</li>
          <li>{t('helpLimitsMissing')}</li>
          <li>{t('helpLimitsNames')}</li>
          <li>{t('helpLimitsSimilar')}</li>
        </ul>
      </Section>
    </main>
  );
}
