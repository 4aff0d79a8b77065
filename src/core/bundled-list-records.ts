/**
 * The records of the lists in the bundled data (data/lists.json, checked against the schema by
 * tests/unit/data). Its own module so that only what labels listings from a full table (the
 * background, the extension pages) bundles the ~30 kB of records: content scripts get their
 * labels resolved in the tab model (core/tab-model.ts) and never import this.
 */
import bundledRecords from '../../data/lists.json';
import type { ListRecords } from './list-schema';

export const BUNDLED_LIST_RECORDS: ListRecords = bundledRecords as ListRecords;
