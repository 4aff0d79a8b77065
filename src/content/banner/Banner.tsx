/**
 * The in-page warning. Everything it shows is page- or list-derived text rendered by Preact as
 * text nodes (never innerHTML), inside a closed shadow root (see mount.ts). Every action checks
 * `isTrusted`: only a real user's click or key acts, never an event a page script made up; and
 * mount.ts checks that the banner was visible before the press (a lured click does nothing).
 * The choices ("not this organization", "don't warn on", snooze) only ask: the user confirms
 * them on the extension's own page.
 *
 * Three shapes (issue 14 item 4): the alert (the organization's own site), the notice (a page
 * that mentions one or two), and the compact notice (three or more: ministry notices and news
 * reports), one line until opened, then a dense list with each organization's actions in a menu.
 * Each says who is speaking (OrgCheck's icon and name) and can be minimised to a pill (Pill.tsx).
 */
import { useState } from 'preact/hooks';
import { CHINANPO_URL } from '../../core/report-text';
import type { ChoiceControl } from '../../core/warning-controls';
import type { TabFinding, TabFindings } from '../../shared/findings';
import { formatDate, kindLabel, listOf, t } from '../../shared/i18n';
import { Freshness } from '../../ui/Freshness';
import { Listings } from '../../ui/Listings';
import { kindMeanings } from './kind-meaning';
import { OrgCheckIcon } from './OrgCheckIcon';

/** Source links a listing shows in the banner: a few, so it stays small (the popup shows them all). */
const BANNER_SOURCES_PER_LISTING = 3;

/** From this many organizations a notice is compact: one line until opened. */
export const COMPACT_FROM = 3;

export interface BannerActions {
  close(): void;
  /** Escape in the banner: minimises, when the check allows (mount.ts). */
  escape(): void;
  /** Minimises the banner to a pill for this page view. */
  minimise(): void;
  /** Opens OrgCheck's help page (the background opens it: a page can't link to it). */
  help(): void;
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
export const trusted =
  <E extends Event>(fn: (event: E) => void) =>
  (event: E) => {
    if (event.isTrusted) fn(event);
  };

/** Whether a tab's findings get the compact notice. */
export const isCompact = (model: TabFindings): boolean =>
  model.severity !== 'alert' && model.findings.length >= COMPACT_FROM;

function title(model: TabFindings): string {
  // One organization: its name says it all; the count would only make the reader look for it.
  if (model.findings.length === 1) return model.findings[0]!.entry.names.zh;
  // A listed domain seen in use 12 months ago or more: the site was the organization's (core/own-site.ts).
  if (model.severity === 'alert') return model.formerSite ? t('bannerTitleFormerSite', model.formerSite.zh) : t('bannerTitleAlert');
  // The compact notice's title fits its one line.
  return isCompact(model) ? t('bannerTitleCompact', model.findings.length) : t('bannerTitle', model.findings.length);
}

export function Banner({ model, actions }: BannerProps) {
  const [menuOpen, setMenuOpen] = useState(false);
  const alert = model.severity === 'alert';
  const compact = isCompact(model);
  const [open, setOpen] = useState(!compact);
  const single = model.findings.length === 1;
  const site = model.site;
  return (
    <section
      class={`banner ${alert ? 'alert' : 'status'}${compact ? ' compact' : ''}${compact && !open ? ' folded' : ''}`}
      role={alert ? 'alert' : 'status'}
      aria-labelledby="orgcheck-title"
      tabIndex={-1}
      onKeyDown={trusted((e: KeyboardEvent) => {
        if (e.key === 'Escape') actions.escape();
      })}
    >
      <header>
        <OrgCheckIcon />
        <div class="heading">
          <p class="brand">{t('brandName')}</p>
          <h2 id="orgcheck-title" lang={single ? 'zh' : undefined}>
            {title(model)}
          </h2>
        </div>
        {compact ? (
          <button
            type="button"
            class="expand"
            data-action="expand"
            aria-expanded={open}
            aria-controls="orgcheck-body"
            onClick={trusted(() => setOpen(!open))}
          >
            {open ? t('collapseNotice') : t('expandNotice')}
          </button>
        ) : null}
        <div class="tools">
          <button type="button" class="tool" data-action="help" aria-label={t('bannerHelp')} title={t('bannerHelp')} onClick={trusted(() => actions.help())}>
            ?
          </button>
          <button
            type="button"
            class="tool"
            data-action="minimise"
            aria-label={t('minimiseBanner')}
            title={t('minimiseBanner')}
            onClick={trusted(() => actions.minimise())}
          >
            –
          </button>
          <button
            type="button"
            class="tool close"
            data-action="close"
            aria-label={t('closeBanner')}
            title={t('closeBanner')}
            onClick={trusted(() => actions.close())}
          >
            ×
          </button>
        </div>
      </header>
      {open ? (
        <div class="body" id="orgcheck-body">
          {alert && single ? (
            <p class="lead">{model.formerSite ? t('bannerAlertFormerSite', formatDate(model.formerSite.seen)) : t('bannerAlertOwnSite')}</p>
          ) : null}
          <ul class={`orgs${compact ? ' dense' : ''}`}>
            {model.findings.map((f) =>
              compact ? (
                <DenseFinding key={f.entry.id} finding={f} site={site} actions={actions} />
              ) : (
                <Finding key={f.entry.id} finding={f} site={site} actions={actions} expanded={alert} single={single} />
              ),
            )}
          </ul>
          <Advice />
          <p class="meta freshness">
            {model.listFreshness ? (
              <>
                <Freshness freshness={model.listFreshness} />
                {' · '}
              </>
            ) : null}
            {t('listPartial')}
          </p>
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
          {menuOpen ? <MoreOptions site={site} actions={actions} findings={compact ? [] : model.findings} /> : null}
        </div>
      ) : null}
    </section>
  );
}

/** What to do, concretely: don't pay, ask for the code, check it in the official registry. */
function Advice() {
  return (
    <div class="advice">
      <p class="advice-title">{t('adviceTitle')}</p>
      <ul>
        <li>{t('adviceNoPay')}</li>
        <li>{t('adviceAskCode')}</li>
        <li>
          {t('adviceCheckRegistry')}{' '}
          <a href={CHINANPO_URL} target="_blank" rel="noopener noreferrer" data-action="registry">
            {t('adviceRegistryLink')}
          </a>
        </li>
      </ul>
    </div>
  );
}

/**
 * The choices that outlast this page view (issue 14 item 9): not this organization (each one
 * found; in the compact notice it is in each organization's menu instead), don't warn on this
 * site, snooze. Each opens the confirmation page.
 */
function MoreOptions({ site, actions, findings }: { site: string | null; actions: BannerActions; findings: TabFinding[] }) {
  return (
    <div class="more" id="orgcheck-more">
      {site
        ? findings.map((f) => <NotThisButton key={f.entry.id} finding={f} site={site} actions={actions} named={findings.length > 1} />)
        : null}
      {site ? (
        <button type="button" data-action="allow-site" onClick={trusted(() => actions.control({ action: 'allowSite', site, on: true }))}>
          {t('allowSiteLabel', site)}
        </button>
      ) : null}
      <span class="snooze" role="group" aria-label={t('snooze')}>
        {t('snooze')}{' '}
        <button type="button" data-action="snooze-hour" onClick={trusted(() => actions.control({ action: 'snooze', duration: 'hour' }))}>
          {t('snoozeHour')}
        </button>{' '}
        <button type="button" data-action="snooze-day" onClick={trusted(() => actions.control({ action: 'snooze', duration: 'day' }))}>
          {t('snoozeDay')}
        </button>
      </span>
    </div>
  );
}

interface FindingProps {
  finding: TabFinding;
  site: string | null;
  actions: BannerActions;
}

/**
 * An organization's own actions: why it is listed, show it on the page, and, in the compact
 * notice's per-organization menu (its "more options"), not this organization. Elsewhere that
 * choice sits under the banner's "More options" (NotThisButton).
 */
function OrgActions(props: FindingProps & { details?: { open: boolean; toggle(): void }; inMenu?: boolean }) {
  const { finding, site, actions, details, inMenu } = props;
  const [shown, setShown] = useState(-1);
  const { entry } = finding;
  const inPage = finding.frames.reduce((sum, f) => sum + f.count, 0);
  return (
    <div class="org-actions">
      {details ? (
        <button type="button" data-action="details" aria-expanded={details.open} onClick={trusted(() => details.toggle())}>
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
      {inMenu && site ? <NotThisButton finding={finding} site={site} actions={actions} /> : null}
    </div>
  );
}

/**
 * "Not this organization": asks for the choice (the confirmation page confirms it). With several
 * organizations under "More options" the button says which one, in the words of its label.
 */
function NotThisButton({ finding, site, actions, named = false }: FindingProps & { site: string; named?: boolean }) {
  const { entry } = finding;
  return (
    <button
      type="button"
      data-action="not-this"
      aria-label={t('notThisOrgLabel', entry.names.zh)}
      onClick={trusted(() => actions.control({ action: 'suppress', site, entryId: entry.id, on: true }))}
    >
      {named ? t('notThisOrgLabel', entry.names.zh) : t('notThisOrg')}
    </button>
  );
}

function kindsLine(finding: TabFinding): string {
  return [...new Set(finding.entry.listings.map((l) => kindLabel(l.kind)))].join(' · ');
}

/** An organization in the alert or the notice: what its listing means, then its actions. */
function Finding(props: FindingProps & { expanded: boolean; single: boolean }) {
  const { finding } = props;
  // A mention gets a notice: why it is listed opens on request.
  const [open, setOpen] = useState(props.expanded);
  const { entry } = finding;
  const english = entry.names.en ?? entry.enDisplay;
  const otherForms = finding.forms.filter((form) => form !== entry.names.zh && form !== entry.names.en);
  return (
    <li class="org" data-entry-id={entry.id}>
      <div class="name">
        {/* With one organization its name is the title already. */}
        {props.single ? null : <strong lang="zh">{entry.names.zh}</strong>}
        {english ? (
          <span class="en" lang="en">
            {english}
          </span>
        ) : null}
      </div>
      <p class="kinds">
        {kindsLine(finding)}
        {' · '}
        {t('occurrences', finding.count)}
      </p>
      {kindMeanings(entry.listings.map((l) => l.kind)).map((sentence) => (
        <p class="meaning" key={sentence}>
          {sentence}
        </p>
      ))}
      {otherForms.length ? <p class="detail">{t('pageForms', listOf(otherForms.map((form) => t('quoted', form))))}</p> : null}
      {open ? <Details finding={finding} /> : null}
      <OrgActions {...props} details={props.expanded ? undefined : { open, toggle: () => setOpen(!open) }} />
    </li>
  );
}

/** An organization in the opened compact notice: one row; its actions and details in a menu. */
function DenseFinding(props: FindingProps) {
  const { finding } = props;
  const { entry } = finding;
  const [menu, setMenu] = useState(false);
  const [open, setOpen] = useState(false);
  const menuId = `orgcheck-menu-${entry.id}`;
  return (
    <li class="org" data-entry-id={entry.id}>
      <div class="row">
        <strong lang="zh">{entry.names.zh}</strong>
        <span class="kinds">{kindsLine(finding)}</span>
        <button
          type="button"
          class="menu-button"
          data-action="org-menu"
          aria-expanded={menu}
          aria-controls={menuId}
          aria-label={t('orgActions', entry.names.zh)}
          title={t('orgActions', entry.names.zh)}
          onClick={trusted(() => setMenu(!menu))}
        >
          ⋯
        </button>
      </div>
      {menu ? (
        <div id={menuId}>
          <OrgActions {...props} details={{ open, toggle: () => setOpen(!open) }} inMenu />
        </div>
      ) : null}
      {open ? (
        <>
          {kindMeanings(entry.listings.map((l) => l.kind)).map((sentence) => (
            <p class="meaning" key={sentence}>
              {sentence}
            </p>
          ))}
          <Details finding={finding} />
        </>
      ) : null}
    </li>
  );
}

/** Why it is listed: each listing with its kind, list, date and sources; the look-alike. */
function Details({ finding }: { finding: TabFinding }) {
  const { entry } = finding;
  return (
    <div class="details">
      <Listings listings={entry.listings} labels={finding.labels} maxSources={BANNER_SOURCES_PER_LISTING} />
      {entry.registeredLookalike ? <p class="detail">{t('registeredLookalike', entry.registeredLookalike)}</p> : null}
    </div>
  );
}
