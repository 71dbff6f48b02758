import { describe, expect, it } from 'vitest';
import { checkAtTheDoor } from '../../../../shared/rules/door-check';
import { stricterRestriction } from '../../../../shared/rules/stricter-restriction';
import type { Restriction } from '../../../../shared/schemas/registers';
import { buildRestriction } from '../../../factories';

/** The rule compares versions of one record: each typed as the record, not by its literal kind. */
const stricter = (a: Restriction, b: Restriction, day: string) => stricterRestriction(a, b, day);

const today = '2026-12-05';
const amy = crypto.randomUUID();

/** One restriction as recorded, then changed on two computers while they were apart. */
const recorded = buildRestriction({
  youngPersonId: amy,
  name: 'Dean Hughes',
  aliases: ['Deano'],
  kind: 'supervisedOnly',
  conditions: 'In the family room with a member of staff.',
  effectiveFrom: '2026-01-12',
  effectiveTo: undefined,
});
const tightened = {
  ...recorded,
  kind: 'noContact' as const,
  conditions: '',
  aliases: ['Deano', 'D. Hughes'],
};
const relaxed = {
  ...recorded,
  kind: 'other' as const,
  conditions: 'May visit on Saturdays.',
  name: 'Dean Anthony Hughes',
  effectiveFrom: '2026-02-01',
  effectiveTo: '2027-01-31',
};

describe('stricterRestriction', () => {
  it('takes no contact over a relaxed version, whichever order they come in', () => {
    const one = stricter(tightened, relaxed, today);
    const other = stricter(relaxed, tightened, today);
    expect(one.kind).toBe('noContact');
    expect(other).toEqual(one);
  });

  it('keeps every name and alias of both, the stricter name first', () => {
    const both = stricter(relaxed, tightened, today);
    expect(both.name).toBe('Dean Hughes');
    expect(both.aliases).toEqual(['Deano', 'D. Hughes', 'Dean Anthony Hughes']);
  });

  it('takes the earlier start and the later end, and no end when either has none', () => {
    const both = stricter(relaxed, tightened, today);
    expect(both.effectiveFrom).toBe('2026-01-12');
    expect(both.effectiveTo).toBeUndefined();
    const bounded = stricter({ ...tightened, effectiveTo: '2026-12-31' }, relaxed, today);
    expect(bounded.effectiveTo).toBe('2027-01-31');
  });

  it('takes supervised over a conditional kind, and keeps both conditions of the same kind', () => {
    const indirect = { ...recorded, kind: 'indirectOnly' as const, conditions: 'Letters only.' };
    expect(stricter(indirect, recorded, today).kind).toBe('supervisedOnly');
    const otherRoom = { ...recorded, conditions: 'In the garden room with two staff.' };
    expect(stricter(recorded, otherRoom, today).conditions).toBe(
      'In the family room with a member of staff.\nIn the garden room with two staff.',
    );
  });

  it('chooses between two conditional kinds the same way in either order', () => {
    const noPhone = { ...recorded, kind: 'noPhoneContact' as const, conditions: '' };
    const notToCollect = { ...recorded, kind: 'notToCollect' as const, conditions: '' };
    expect(stricter(noPhone, notToCollect, today).kind).toBe('noPhoneContact');
    expect(stricter(notToCollect, noPhone, today).kind).toBe('noPhoneContact');
  });

  it('reads the terms in force today, not a change that starts later', () => {
    // One computer recorded a relaxation from next month; the version in force today is no contact.
    const laterRelaxation = {
      ...recorded,
      kind: 'other' as const,
      conditions: 'May visit on Saturdays.',
      effectiveFrom: '2027-01-01',
      earlierTerms: [{ kind: 'noContact' as const, conditions: '', effectiveFrom: '2026-01-12' }],
      version: 2,
    };
    const both = stricter(laterRelaxation, recorded, today);
    expect(both.kind).toBe('noContact');
    expect(both.earlierTerms).toBeUndefined();
  });

  it('stays in force unless both versions ended it', () => {
    const ended = { ...recorded, endedAt: '2026-12-04T10:00:00.000Z', endedReason: 'Order discharged.' };
    expect(stricter(ended, tightened, today).endedAt).toBeUndefined();
    expect(stricter(ended, { ...ended }, today).endedAt).toBe('2026-12-04T10:00:00.000Z');
  });

  it('blocks at the door anyone either version would stop', () => {
    const both = stricter(relaxed, tightened, today);
    const check = (name: string) =>
      checkAtTheDoor({ visitor: { kind: 'typed', name }, youngPersonIds: [amy] }, [both], today).kind;
    expect(check('Dean Anthony Hughes')).toBe('block');
    expect(check('Dean Hughes')).toBe('block');
    // The relaxed version alone would only have warned.
    expect(
      checkAtTheDoor(
        { visitor: { kind: 'typed', name: 'Dean Anthony Hughes' }, youngPersonIds: [amy] },
        [relaxed],
        today,
      ).kind,
    ).toBe('warn');
  });
});
