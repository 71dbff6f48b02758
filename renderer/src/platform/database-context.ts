import type { Dexie } from 'dexie';
import { createContext } from 'react';

/**
 * The open database, provided by the app's gate once it has opened. Typed as a plain Dexie here:
 * this bottom layer knows no tables. Hooks read it through `useDatabase()` in db/, which gives the
 * app's own class.
 */
export const DatabaseContext = createContext<Dexie | undefined>(undefined);
