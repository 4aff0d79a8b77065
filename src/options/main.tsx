import { render } from 'preact';
import { t, uiLanguage } from '../shared/i18n';
import { migrateStorageAtStart } from '../shared/storage/migrations';
import { Options } from './Options';

// Once, before anything reads storage (shared/storage/migrations.ts).
await migrateStorageAtStart();
document.documentElement.lang = uiLanguage();
document.title = t('optionsTitle');
render(<Options />, document.getElementById('app')!);
