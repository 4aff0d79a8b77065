/**
 * The in-page warning. Everything it shows is page- or list-derived text rendered by Preact as
 * text nodes (never innerHTML), inside a closed shadow root (see mount.ts). Every action checks
 * `isTrusted`: only a real user's click or key acts, never an event a page script made up; and
 * mount.ts checks that the banner was visible before the press (a lured click does nothing).
 * The choices ("not this organization", "don't warn on", snooze) only ask: the user confirms
 * them on the extension's own page.
 */
import { useState } from 'preact/hooks';
import type { ChoiceControl } from '../../core/warning-controls';
import type { TabFinding, TabFindings } from '../../shared/findings';
import { kindLabel, listOf, t } from '../../shared/i18n';
import { Freshness } from '../../ui/Freshness';
import { Listings } from '../../ui/Listings';

/** Source links a listing shows in the banner: a few, so it stays small (the popup shows them all). */
const BANNER_SOURCES_PER_LISTING = 3;

export interface BannerActions {
  close(): void;
  /** Asks for a choice; the confirmation page applies it. */
  control(control: ChoiceControl): void;
  /** Shows occurrence `index` (0-based) of the organization; the banner cycles through them. */
  show(finding: TabFinding, index: number): void;
  report(): void;
}

export interface BannerProps {
  model: TabFindings;
  actions: BannerActions;
}

/** Runs `fn` for trusted (user-made) events only. */
const trusted =
  <E extends Event>(fn: (event: E) => void) =>
  (event: E) => {
    if (event.isTrusted) fn(event);
  };

export function Banner({ model, actions }: BannerProps) {
  const [menuOpen, setMenuOpen] = useState(false);
  const alert = model.severity === 'alert';
  const site = model.site;
  return (
    <section
      class={`banner ${alert ? 'alert' : 'status'}`}
      role={alert ? 'alert' : 'status'}
      aria-labelledby="orgcheck-title"
      onKeyDown={trusted((e: KeyboardEvent) => {
        if (e.key === 'Escape') actions.close();
      })}
    >
      <header>
        <span class="mark" aria-hidden="true">
          !
        </span>
        <h2 id="orgcheck-title">{alert ? t('bannerTitleAlert') : t('bannerTitle', model.findings.length)}</h2>
        <button
          type="button"
          class="close"
          data-action="close"
          aria-label={t('closeBanner')}
          title={t('closeBanner')}
          onClick={trusted(() => actions.close())}
        >
          ×
        </button>
      </header>
      <ul class="orgs">
        {model.findings.map((f) => (
          <Finding key={f.entry.id} finding={f} site={site} actions={actions} expanded={alert} />
        ))}
      </ul>
      <p class="advice">{t('bannerAdvice')}</p>
      <div class="controls">
        <button type="button" data-action="report" onClick={trusted(() => actions.report())}>
          {t('reportPage')}
        </button>
        <button
          type="button"
          data-action="more"
          aria-expanded={menuOpen}
          aria-controls="orgcheck-more"
          onClick={trusted(() => setMenuOpen(!menuOpen))}
        >
          {t('moreOptions')}
        </button>
      </div>
      {menuOpen ? (
        <div class="more" id="orgcheck-more">
          {site ? (
            <button
              type="button"
              data-action="allow-site"
              onClick={trusted(() => actions.control({ action: 'allowSite', site, on: true }))}
            >
              {t('allowSiteLabel', site)}
            </button>
          ) : null}
          <span class="snooze" role="group" aria-label={t('snooze')}>
            {t('snooze')}{' '}
            <button
              type="button"
              data-action="snooze-hour"
              onClick={trusted(() => actions.control({ action: 'snooze', duration: 'hour' }))}
            >
              {t('snoozeHour')}
            </button>{' '}
            <button
              type="button"
              data-action="snooze-day"
              onClick={trusted(() => actions.control({ action: 'snooze', duration: 'day' }))}
            >
              {t('snoozeDay')}
            </button>
          </span>
        </div>
      ) : null}
      <p class="meta">
        {model.listFreshness ? (
          <>
            <Freshness freshness={model.listFreshness} />
            {' · '}
          </>
        ) : null}
        {t('listPartial')}
      </p>
    </section>
  );
}

function Finding(props: { finding: TabFinding; site: string | null; actions: BannerActions; expanded: boolean }) {
  const { finding, site, actions } = props;
  const [shown, setShown] = useState(-1);
  // A mention gets a compact notice: why it is listed opens on request.
  const [open, setOpen] = useState(props.expanded);
  const { entry } = finding;
  const english = entry.names.en ?? entry.enDisplay;
  const otherForms = finding.forms.filter((form) => form !== entry.names.zh && form !== entry.names.en);
  const inPage = finding.frames.reduce((sum, f) => sum + f.count, 0);
  return (
    <li class="org" data-entry-id={entry.id}>
      <div class="name">
        <strong lang="zh">{entry.names.zh}</strong>
        {english ? (
          <span class="en" lang="en">
            {english}
          </span>
        ) : null}
      </div>
      {otherForms.length ? <p class="detail">{t('pageForms', listOf(otherForms.map((form) => t('quoted', form))))}</p> : null}
      <p class="kinds">
        {[...new Set(entry.listings.map((l) => kindLabel(l.kind)))].join(' · ')}
        {' · '}
        {t('occurrences', finding.count)}
      </p>
      {open ? <Details finding={finding} /> : null}
      <div class="org-actions">
        {!props.expanded ? (
          <button type="button" data-action="details" aria-expanded={open} onClick={trusted(() => setOpen(!open))}>
            {t('whyListed')}
          </button>
        ) : null}
        {inPage > 0 ? (
          <button
            type="button"
            data-action="show"
            onClick={trusted(() => {
              const next = (shown + 1) % inPage;
              setShown(next);
              actions.show(finding, next);
            })}
          >
            {shown >= 0 ? t('showOnPageStep', shown + 1, inPage) : t('showOnPage')}
          </button>
        ) : null}
        {site ? (
          <button
            type="button"
            data-action="not-this"
            aria-label={t('notThisOrgLabel', entry.names.zh)}
            onClick={trusted(() => actions.control({ action: 'suppress', site, entryId: entry.id, on: true }))}
          >
            {t('notThisOrg')}
          </button>
        ) : null}
      </div>
    </li>
  );
}

/** Why it is listed: each listing with its kind, list, date and sources; the look-alike. */
function Details({ finding }: { finding: TabFinding }) {
  const { entry } = finding;
  return (
    <div class="details">
      <Listings listings={entry.listings} maxSources={BANNER_SOURCES_PER_LISTING} />
      {entry.registeredLookalike ? <p class="detail">{t('registeredLookalike', entry.registeredLookalike)}</p> : null}
    </div>
  );
}
