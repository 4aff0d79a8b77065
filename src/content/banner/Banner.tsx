/**
 * The in-page warning. Everything it shows is page- or list-derived text rendered by Preact as
 * text nodes (never innerHTML), inside a closed shadow root (see mount.ts).
 */
import type { TabFinding, TabFindings } from '../../shared/findings';
import { kindLabel, t } from '../../shared/i18n';

export interface BannerProps {
  model: TabFindings;
  onClose: () => void;
}

export function Banner({ model, onClose }: BannerProps) {
  return (
    <section class="banner" role="status" aria-labelledby="orgcheck-title" lang={navigator.language}>
      <header>
        <span class="mark" aria-hidden="true">!</span>
        <h2 id="orgcheck-title">{t('bannerTitle', model.findings.length)}</h2>
        <button type="button" class="close" aria-label={t('closeBanner')} title={t('closeBanner')} onClick={onClose}>
          ×
        </button>
      </header>
      <ul class="orgs">
        {model.findings.map((f) => (
          <Finding key={f.entry.id} finding={f} />
        ))}
      </ul>
      <footer>
        <p>{t('bannerAdvice')}</p>
        <p class="meta">
          {model.listDate ? `${t('listAsOf', model.listDate)} · ` : ''}
          {t('listPartial')}
        </p>
      </footer>
    </section>
  );
}

function Finding({ finding }: { finding: TabFinding }) {
  const { entry } = finding;
  const english = entry.names.en ?? entry.enDisplay;
  const otherForms = finding.forms.filter((form) => form !== entry.names.zh && form !== entry.names.en);
  return (
    <li class="org" data-entry-id={entry.id}>
      <div class="name">
        <strong>{entry.names.zh}</strong>
        {english ? <span class="en">{english}</span> : null}
      </div>
      <ul class="listings">
        {entry.listings.map((l, i) => (
          <li key={i}>
            <span class="kind">{kindLabel(l.kind)}</span> — {l.list}, {l.published ?? t('dateUnknown')}
            {l.sources[0] ? (
              <>
                {' · '}
                <a href={l.sources[0]} target="_blank" rel="noopener noreferrer">
                  {t('source')}
                </a>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      <p class="detail">
        {t('occurrences', finding.count)}
        {otherForms.length ? ` · ${t('matchedAs', otherForms.join('”, “'))}` : ''}
      </p>
      {entry.registeredLookalike ? <p class="detail">{t('registeredLookalike', entry.registeredLookalike)}</p> : null}
    </li>
  );
}
