import { render } from 'preact';
import { t, uiLanguage } from '../shared/i18n';
import { migrateStorageAtStart } from '../shared/storage/migrations';
import { ConfirmPage } from './ConfirmPage';

// Once, before anything reads storage (shared/storage/migrations.ts).
await migrateStorageAtStart();
document.documentElement.lang = uiLanguage();
document.title = t('confirmTitle');
const tab = new URLSearchParams(location.search).get('tab');
render(<ConfirmPage tabId={tab && /^\d+$/.test(tab) ? Number(tab) : undefined} />, document.getElementById('app')!);
