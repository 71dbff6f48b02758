// The restriction register's public entry: the young person's page shows their restrictions.
export { RestrictionsSection } from './RestrictionsSection';
