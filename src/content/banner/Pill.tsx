/**
 * The minimised banner (issue 14 item 4): a small pill with OrgCheck's icon, name and the number
 * of organizations; a press brings the banner back. Minimised for this page view only.
 */
import { t } from '../../shared/i18n';
import { trusted } from './Banner';
import { OrgCheckIcon } from './OrgCheckIcon';

export function Pill({ count, restore }: { count: number; restore(): void }) {
  return (
    <div class="pill-wrap">
      <button
        type="button"
        class="pill"
        data-action="restore"
        // The name starts with what the pill shows (WCAG 2.5.3: speech users say what they see).
        aria-label={`${t('brandName')} ${count} · ${t('restoreBanner', count)}`}
        title={t('restoreBanner', count)}
        onClick={trusted(() => restore())}
      >
        <OrgCheckIcon />
        <span>{t('brandName')}</span>{' '}
        <span class="count">{count}</span>
      </button>
    </div>
  );
}
