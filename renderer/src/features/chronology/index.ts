// The chronology's public entry: the young person's page shows it.
export { ChronologySection } from './ChronologySection';
export { ChronologyPrintView, type ChronologyPrintout } from './ChronologyPrintView';
