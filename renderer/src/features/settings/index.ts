// Settings' public entry: a first run restored from a backup still ends in the same setup.
export { FirstRunSetup } from './FirstRunSetup';
