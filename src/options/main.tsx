import { render } from 'preact';
import { t, uiLanguage } from '../shared/i18n';
import { Options } from './Options';
import { migrateStorageForPage } from '../shared/storage/migrations';

// Once, before anything reads storage (shared/storage/migrations.ts).
await migrateStorageForPage();
document.documentElement.lang = uiLanguage();
document.title = t('optionsTitle');
render(<Options />, document.getElementById('app')!);
