/**
 * The popup's first line when the page hid OrgCheck's banner without a click (removed it twice, or
 * kept it covered: content/banner/mount.ts); the badge shows "!" then. A page can hide what it
 * draws over, but not the toolbar button and its popup.
 */
import { t } from '../shared/i18n';

export function PageHidBanner() {
  return (
    <div role="alert" class="page-hid" data-testid="page-hid-banner">
      <p>
        <strong>{t('pageHidBanner')}</strong>
      </p>
      <p class="hint">{t('pageHidBannerDetail')}</p>
    </div>
  );
}
