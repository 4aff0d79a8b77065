/**
 * The popup's links to the extension's other pages: the settings (options page) and the help page
 * (src/help/index.html: the lists, the kinds of listing, what to do, the limits of the list). Real
 * links (their address shows, they read as links), opened through the extension APIs: a popup
 * can't navigate itself to them, and the options page opens where the manifest says.
 */
import browser from 'webextension-polyfill';
import { t } from '../shared/i18n';

const HELP_PAGE = 'src/help/index.html';
const OPTIONS_PAGE = 'src/options/index.html';

export function PopupLinks() {
  return (
    <nav class="popup-links" aria-label={t('popupLinksLabel')}>
      <a
        href={browser.runtime.getURL(OPTIONS_PAGE)}
        data-testid="options-link"
        onClick={(e) => {
          e.preventDefault();
          void browser.runtime.openOptionsPage();
        }}
      >
        {t('popupOptionsLink')}
      </a>
      <a
        href={browser.runtime.getURL(HELP_PAGE)}
        data-testid="help-link"
        onClick={(e) => {
          e.preventDefault();
          void browser.tabs.create({ url: browser.runtime.getURL(HELP_PAGE) });
        }}
      >
        {t('popupHelpLink')}
      </a>
    </nav>
  );
}
