/**
 * "Sync now" with its progress, for the popup and the options page. The sync runs in the
 * background worker; the page only asks for it.
 */
import { t } from '../shared/i18n';
import './sync.css';

export function SyncNowButton(props: { class: string; running: boolean; onClick: () => void }) {
  return (
    <div class={props.class}>
      <button type="button" onClick={props.onClick} disabled={props.running} aria-busy={props.running}>
        {t('syncNow')}
      </button>
      {props.running ? (
        <span class="sync-progress" role="status">
          <progress aria-label={t('syncRunning')} /> {t('syncRunning')}
        </span>
      ) : null}
    </div>
  );
}
