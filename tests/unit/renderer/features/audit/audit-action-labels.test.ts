import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { retentionDecisionSchema } from '@shared/schemas/retention';
import {
  auditActionLabel,
  auditRecordTypeLabel,
} from '../../../../../renderer/src/features/audit/audit-action-labels';

/**
 * Every action and record type the code can write into the audit log has words a manager reads
 * ("Ended a contact restriction", "Email alert"), not a code. The codes are found where they are
 * written: `action: '…'` and `recordType: '…'` in the renderer, shared and main-process sources,
 * and the one action made from a value (`retention.<decision>`) from its schema.
 */
const roots = ['renderer/src', 'shared', 'electron'];

async function sourceFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) return sourceFiles(path);
      return Promise.resolve(/\.tsx?$/.test(entry.name) ? [path] : []);
    }),
  );
  return nested.flat();
}

async function written(field: 'action' | 'recordType'): Promise<Set<string>> {
  const pattern = new RegExp(`\\b${field}: '([a-z][\\w.-]*)'`, 'g');
  const found = new Set<string>();
  for (const file of (await Promise.all(roots.map(sourceFiles))).flat()) {
    const text = await readFile(file, 'utf8');
    for (const match of text.matchAll(pattern)) if (match[1]) found.add(match[1]);
  }
  return found;
}

describe('the audit log in words', () => {
  it('labels every action the code writes', async () => {
    const actions = await written('action');
    // Window-opening handlers answer { action: 'deny' }: not an audit entry.
    actions.delete('deny');
    for (const decision of retentionDecisionSchema.shape.decision.options)
      actions.add(`retention.${decision}`);
    expect(actions.size).toBeGreaterThan(50);
    const unlabelled = [...actions].filter((action) => auditActionLabel(action) === action);
    expect(unlabelled).toEqual([]);
  });

  it('labels every kind of record the code writes about', async () => {
    const recordTypes = await written('recordType');
    expect(recordTypes.size).toBeGreaterThan(10);
    const unlabelled = [...recordTypes].filter((type) => auditRecordTypeLabel(type) === type);
    expect(unlabelled).toEqual([]);
  });

  it.each([
    ['restriction.ended', 'Ended a contact restriction'],
    ['contact-form.filed', 'Signed and filed a contact form'],
  ])('%s reads "%s"', (action, words) => {
    expect(auditActionLabel(action)).toBe(words);
  });

  it('shows a code from a newer build as it is rather than hiding it', () => {
    expect(auditActionLabel('something.new')).toBe('something.new');
  });
});
