import { describe, expect, it } from 'vitest';
import { restrictionsNotAsLogged, type TrailEntry } from '../../../../shared/rules/restriction-audit-trail';

let seq = 0;
const entry = (at: string, action: string, recordId: string, detail?: string): TrailEntry => ({
  seq: (seq += 1),
  at: `2026-12-0${at}T10:00:00.000Z`,
  action,
  recordType: action.startsWith('sync.') ? 'restrictions' : 'restriction',
  recordId,
  ...(detail === undefined ? {} : { detail }),
});
const atVersion = (id: string, version: number) => ({
  id,
  earlierTerms: Array.from({ length: version - 1 }, () => ({})),
});

const recorded = entry('1', 'restriction.recorded', 'r1');
const toVersion2 = entry('2', 'restriction.updated', 'r1', 'version 2');

describe('restrictions whose rows are not as the audit log says', () => {
  it('names a recorded restriction whose row is gone', () => {
    expect(restrictionsNotAsLogged([recorded], [], [])).toEqual(['r1']);
    expect(restrictionsNotAsLogged([recorded], [{ id: 'r1' }], [atVersion('r1', 1)])).toEqual([]);
  });

  it('names a row older than the newest change the log names', () => {
    const rows = [{ id: 'r1' }];
    expect(restrictionsNotAsLogged([recorded, toVersion2], rows, [atVersion('r1', 1)])).toEqual(['r1']);
    expect(restrictionsNotAsLogged([recorded, toVersion2], rows, [atVersion('r1', 2)])).toEqual([]);
    expect(restrictionsNotAsLogged([recorded, toVersion2], rows, [atVersion('r1', 3)])).toEqual([]);
  });

  it('reads the newest version named whatever order the entries come in', () => {
    const toVersion3 = entry('3', 'restriction.updated', 'r1', 'version 3');
    expect(
      restrictionsNotAsLogged([toVersion3, recorded, toVersion2], [{ id: 'r1' }], [atVersion('r1', 2)]),
    ).toEqual(['r1']);
  });

  it('accepts the version a settled sync conflict chose, and counts changes after it again', () => {
    const chosen = entry('3', 'sync.version-chosen', 'r1');
    const rows = [{ id: 'r1' }];
    expect(restrictionsNotAsLogged([recorded, toVersion2, chosen], rows, [atVersion('r1', 1)])).toEqual([]);
    const later = entry('4', 'restriction.updated', 'r1', 'version 2');
    expect(
      restrictionsNotAsLogged([recorded, toVersion2, chosen, later], rows, [atVersion('r1', 1)]),
    ).toEqual(['r1']);
  });

  it('ignores other records, other tables and changes that name no version', () => {
    const other = { ...entry('2', 'sync.version-chosen', 'r1'), recordType: 'visits' };
    const unnamed = entry('2', 'restriction.updated', 'r2', 'kind');
    const visit = { ...entry('2', 'restriction.recorded', 'v1'), recordType: 'visit' };
    expect(
      restrictionsNotAsLogged(
        [recorded, toVersion2, other, unnamed, visit],
        [{ id: 'r1' }, { id: 'r2' }],
        [atVersion('r1', 2), atVersion('r2', 1)],
      ),
    ).toEqual([]);
  });

  it('names a restriction an entry that does not verify is about, rather than passing over the entry', () => {
    const edited = { ...toVersion2, detail: 'version 1', isAuthentic: false };
    expect(restrictionsNotAsLogged([recorded, edited], [{ id: 'r1' }], [atVersion('r1', 1)])).toEqual(['r1']);
    const genuine = { ...toVersion2, isAuthentic: true };
    expect(restrictionsNotAsLogged([recorded, genuine], [{ id: 'r1' }], [atVersion('r1', 2)])).toEqual([]);
  });
});
