import { describe, expect, it } from 'vitest';
import { retentionDecisionSchema } from '@shared/schemas/retention';
import {
  auditActionGroupLabel,
  auditActionGroups,
  auditActionLabel,
  auditRecordTypeLabel,
} from '../../../../../renderer/src/features/audit/audit-action-labels';
import { codesInSource, codesWritten, combine } from './audit-codes-written';

/**
 * Every action and record type the code can write into the audit log has words a manager reads
 * ("Ended a contact restriction", "Email alert"), not a code. The codes are found where they are
 * written, by reading the renderer, shared and main-process sources as TypeScript
 * (`audit-codes-written.ts`); the one action made from a value (`retention.<decision>`) is
 * expanded from its schema.
 */
const roots = ['renderer/src', 'shared', 'electron'];
// Parsing every source file takes a second or two, more on a busy machine.
const parsing = { timeout: 60_000 };

/** Strings in `action:` properties, or shaped like a code, that are not audit codes, and why. */
const notAuditCodes: Readonly<Record<string, string>> = {
  deny: 'window-opening handlers answer { action: "deny" }',
  'home.name': 'a form field path in the first-run form',
  'mail-settings.json': 'the file the main process keeps the mail settings in',
};

/** Prose, not a code: the home screen's "what to do next" links and a contact form's blank action row. */
const isProse = (text: string) => text === '' || /\s/.test(text);

/** How each template with holes expands: every value its hole can take. */
const templateExpansions: Readonly<Record<string, readonly string[]>> = {
  'retention.*': retentionDecisionSchema.shape.decision.options.map((decision) => `retention.${decision}`),
};

function auditCodes(found: { codes: ReadonlySet<string>; templates: readonly { pattern: string }[] }) {
  const codes = [...found.codes].filter((code) => !isProse(code) && !(code in notAuditCodes));
  for (const { pattern } of found.templates) codes.push(...(templateExpansions[pattern] ?? [pattern]));
  return codes;
}

describe('the audit log in words', () => {
  it('labels every action the code writes', parsing, async () => {
    const actions = auditCodes(await codesWritten(roots, 'action'));
    expect(actions.length).toBeGreaterThan(80);
    expect(actions).toContain('person.created'); // chosen by a condition
    expect(actions).toContain('restriction.ended'); // handed to a helper as an argument
    expect(actions).toContain('mail-settings.saved'); // passed from a screen
    expect(actions.filter((action) => auditActionLabel(action) === action)).toEqual([]);
  });

  it('labels every kind of record the code writes about', parsing, async () => {
    const recordTypes = auditCodes(await codesWritten(roots, 'recordType'));
    expect(recordTypes.length).toBeGreaterThan(10);
    expect(recordTypes.filter((type) => auditRecordTypeLabel(type) === type)).toEqual([]);
  });

  it('would catch a made-up action with no words, however it is written', () => {
    const source = `
      const events = [{ action: isNew ? 'restriction.reopened' : 'restriction.updated' }];
      await change(session, id, 'restriction.made-up-here');
      records.write(session, { events: [{ action: \`visit.\${what}\`, recordType: 'unheardOf' }] });
    `;
    const file = 'made-up.ts';
    const actions = combine([codesInSource(source, file, 'action')], 'action');
    const unlabelled = auditCodes(actions).filter((action) => auditActionLabel(action) === action);
    expect(unlabelled.sort()).toEqual(['restriction.made-up-here', 'restriction.reopened', 'visit.*']);
    const types = auditCodes(combine([codesInSource(source, file, 'recordType')], 'recordType'));
    expect(types.filter((type) => auditRecordTypeLabel(type) === type)).toEqual(['unheardOf']);
  });

  it.each([
    ['restriction.ended', 'Ended a contact restriction'],
    ['contact-form.filed', 'Signed and filed a contact form'],
    ['audit.exported', 'Exported entries from the audit log'],
  ])('%s reads "%s"', (action, words) => {
    expect(auditActionLabel(action)).toBe(words);
  });

  it('shows a code from a newer build as it is rather than hiding it', () => {
    expect(auditActionLabel('something.new')).toBe('something.new');
  });

  it('puts every labelled action in a named group for the filter, each once', () => {
    const groups = auditActionGroups();
    const listed = groups.flatMap((group) => group.actions.map((item) => item.action));
    expect(new Set(listed).size).toBe(listed.length);
    expect(groups.find((group) => group.label === 'Other')).toBeUndefined();
    expect(groups.find((group) => group.label === 'Contact restrictions')?.actions).toContainEqual({
      action: 'restriction.ended',
      label: 'Ended a contact restriction',
    });
    expect(auditActionGroupLabel('something.new')).toBe('Other');
  });
});
