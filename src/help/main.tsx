import { render } from 'preact';
import { t, uiLanguage } from '../shared/i18n';
import { Help } from './Help';

// Reads no storage: no migration to wait for.
document.documentElement.lang = uiLanguage();
document.title = t('helpTitle');
render(<Help />, document.getElementById('app')!);
// Rendered after the load: a link to a section (help/index.html#limits) scrolls to it now.
if (location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView();
