// PAN groups' public entry: the young person's page shows the group. A change that alerts the
// group queues its alerts in its own transaction (db/repositories/pan-alerts-with-change.ts).
export { PanGroupSection } from './PanGroupSection';
