import { render } from 'preact';
import { t, uiLanguage } from '../shared/i18n';
import { Help } from './Help';

// Reads no storage: no migration to wait for.
document.documentElement.lang = uiLanguage();
document.title = t('helpTitle');
render(<Help />, document.getElementById('app')!);
