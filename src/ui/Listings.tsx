/**
 * An organization's listings, one item each: kind, the list's title, who published it when, and
 * source links named by their publisher (official notices first). One markup for the in-page
 * banner's "why it is listed" and the popup's entry details. A list id never shows: a listing
 * whose list has no record (core/list-records.ts) is described by its kind and date only.
 * The labels come resolved (ListingsProps.labels).
 *
 * It brings no stylesheet: the banner lives in a closed shadow root that no extension page's CSS
 * reaches (and a stylesheet imported here would be injected into the web page itself). Instead it
 * renders the class names in LISTINGS_CLASSES, and each place styles them in its own sheet:
 * content/banner/styles.ts inside the shadow root, popup/popup.css in the popup.
 */
import { Fragment } from 'preact';
import type { Listing } from '../core/list-schema';
import { recordLanguage, type ListingLabel } from '../core/list-records';
import { sourcesByPublisher } from '../core/publishers';
import { formatDate, kindLabel, t, uiLanguage } from '../shared/i18n';
import { hostOf } from './host-of';

/** The class names this component renders, for the stylesheets that style it. */
export const LISTINGS_CLASSES = { list: 'listings', kind: 'kind', title: 'list-title', source: 'source' } as const;

export interface ListingsProps {
  listings: readonly Listing[];
  /** At most this many source links a listing (the banner keeps to a few); all when absent. */
  maxSources?: number;
  /**
   * The words for each listing, in order (core/list-records.ts): resolved by whoever holds the
   * records in use (the background for the banner, the extension page for the popup), so this
   * markup, which the content script bundles, carries no records table.
   */
  labels: readonly ListingLabel[];
}

/** "published by X on D" / "X, date not given" / the date alone, in the UI language. */
function publishedLine(issuer: string | null, published: string | null): string {
  const date = published ? formatDate(published) : null;
  if (issuer) return date ? t('listingPublishedBy', issuer, date) : t('listingPublishedByUndated', issuer);
  return date ?? t('dateUnknown');
}

export function Listings({ listings, maxSources, labels }: ListingsProps) {
  const lang = recordLanguage(uiLanguage());
  return (
    <ul class={LISTINGS_CLASSES.list}>
      {listings.map((l, i) => {
        // A missing label (a model from an older worker) says the date alone, never the id.
        const label = labels[i] ?? { issuer: null, title: null, published: l.published, newsOnly: false };
        return (
          <li key={i} data-kind={l.kind}>
            <span class={LISTINGS_CLASSES.kind}>{kindLabel(l.kind)}</span>
            {label.title ? (
              <>
                {' — '}
                <span class={LISTINGS_CLASSES.title}>{label.title}</span>
              </>
            ) : null}
            {' — '}
            {publishedLine(label.issuer, label.published)}
            {label.newsOnly ? ` (${t('listingNewsOnly')})` : ''}
            {sourcesByPublisher(l.sources)
              .slice(0, maxSources)
              .map(({ url, publisher }, j) => (
                <Fragment key={j}>
                  {' · '}
                  <a
                    href={url}
                    target="_blank"
                    rel="noopener noreferrer"
                    class={LISTINGS_CLASSES.source}
                    data-official={publisher.official ? 'true' : undefined}
                    // Several reposts read alike: the site's address tells them apart on hover.
                    title={hostOf(url)}
                  >
                    {publisher.names[lang]}
                  </a>
                </Fragment>
              ))}
          </li>
        );
      })}
    </ul>
  );
}
