import { readFile } from 'node:fs/promises';
import type { z } from 'zod';

/** What a small JSON file the main process keeps (settings, the audit anchor) held when read. */
export type StoredJson<T> =
  | { readonly state: 'missing' }
  | { readonly state: 'damaged'; readonly detail: unknown }
  | { readonly state: 'read'; readonly value: T };

/**
 * Reads one of the main process's own JSON files and checks it with its schema. A file that is not
 * there is `missing`; one that is not JSON or not the right shape is `damaged` (each caller decides
 * what that means for it: defaults, "not set up", or a warning), so a half-written or hand-edited
 * file never crashes a service. Other read errors (no permission, a failing disk) are thrown: they
 * are not the file's content and the caller's own error handling reports them.
 */
export async function readJsonFile<T>(path: string, schema: z.ZodType<T>): Promise<StoredJson<T>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing' };
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { state: 'damaged', detail: error instanceof Error ? error.message : String(error) };
  }
  const parsed = schema.safeParse(json);
  return parsed.success
    ? { state: 'read', value: parsed.data }
    : { state: 'damaged', detail: parsed.error.issues };
}
