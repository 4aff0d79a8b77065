/**
 * An organization's listings, one item each: kind, list, date and source links. One markup for
 * the in-page banner's "why it is listed" and the popup's entry details.
 *
 * It brings no stylesheet: the banner lives in a closed shadow root that no extension page's CSS
 * reaches (and a stylesheet imported here would be injected into the web page itself). Instead it
 * renders the class names in LISTINGS_CLASSES, and each place styles them in its own sheet:
 * content/banner/styles.ts inside the shadow root, popup/popup.css in the popup.
 */
import { Fragment } from 'preact';
import type { Listing } from '../core/list-schema';
import { kindLabel, t } from '../shared/i18n';

/** The class names this component renders, for the stylesheets that style it. */
export const LISTINGS_CLASSES = { list: 'listings', kind: 'kind', source: 'source' } as const;

export interface ListingsProps {
  listings: readonly Listing[];
  /** At most this many source links a listing (the banner keeps to a few); all when absent. */
  maxSources?: number;
}

export function Listings({ listings, maxSources }: ListingsProps) {
  return (
    <ul class={LISTINGS_CLASSES.list}>
      {listings.map((l, i) => (
        <li key={i} data-kind={l.kind}>
          <span class={LISTINGS_CLASSES.kind}>{kindLabel(l.kind)}</span> — {l.list}, {l.published ?? t('dateUnknown')}
          {l.sources.slice(0, maxSources).map((src, j) => (
            <Fragment key={j}>
              {' · '}
              <a href={src} target="_blank" rel="noopener noreferrer" class={LISTINGS_CLASSES.source}>
                {t('source')}
                {l.sources.length > 1 ? ` ${j + 1}` : ''}
              </a>
            </Fragment>
          ))}
        </li>
      ))}
    </ul>
  );
}
