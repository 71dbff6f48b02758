import { beforeAll, describe, expect, it } from 'vitest';
import {
  appendAuditEntry,
  auditChains,
  canonicalJson,
  chainPosition,
  followsOn,
  genesisMac,
  headOf,
  verifyAuditChain,
  type AuditEvent,
  type AuditHead,
  type AuditKey,
  type AuditTamperReason,
  type AuditVerification,
  type ChainedAuditEntry,
} from '../../../../shared/rules/audit-chain';

const newAuditKey = () =>
  crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256', length: 256 }, true, ['sign', 'verify']);

const events: readonly AuditEvent[] = [
  { at: '2026-11-20T08:00:00.000Z', actorId: 'manager-1', action: 'sign-in' },
  {
    at: '2026-11-20T08:05:00.000Z',
    actorId: 'manager-1',
    action: 'create',
    recordType: 'restriction',
    recordId: 'r-1',
  },
  { at: '2026-11-20T09:10:00.000Z', action: 'sign-in-failed', detail: 'unknown-username' },
  { at: '2026-11-20T09:12:00.000Z', actorId: 'carer-2', action: 'sign-in' },
  {
    at: '2026-11-20T09:30:00.000Z',
    actorId: 'carer-2',
    action: 'create',
    recordType: 'visitorLog',
    recordId: 'v-9',
  },
  {
    at: '2026-11-20T10:00:00.000Z',
    actorId: 'manager-1',
    action: 'override',
    recordType: 'visitorLog',
    recordId: 'v-9',
    detail: 'reason-recorded',
  },
];

async function buildChain(key: AuditKey, from: readonly AuditEvent[] = events) {
  const entries: ChainedAuditEntry[] = [];
  let head: AuditHead | null = null;
  for (const event of from) {
    const entry = await appendAuditEntry(head, event, key);
    entries.push(entry);
    head = headOf(entry);
  }
  return { entries, head };
}

let key: AuditKey;
let chain: { entries: ChainedAuditEntry[]; head: AuditHead | null };

beforeAll(async () => {
  key = await newAuditKey();
  chain = await buildChain(key);
});

const at = (entries: readonly ChainedAuditEntry[], index: number): ChainedAuditEntry => {
  const entry = entries[index];
  if (!entry) throw new Error(`no entry at ${index}`);
  return entry;
};

describe('appending to the audit log', () => {
  it('numbers entries from 1 and links each to the one before', () => {
    expect(chain.entries.map((entry) => entry.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(at(chain.entries, 0).previousMac).toBe(genesisMac);
    expect(at(chain.entries, 3).previousMac).toBe(at(chain.entries, 2).mac);
    expect(chain.head).toEqual({ seq: 6, mac: at(chain.entries, 5).mac });
  });

  it('gives a different MAC to the same event at another place in the chain', async () => {
    const again = await appendAuditEntry(chain.head, { ...events[0]! }, key);
    expect(again.mac).not.toBe(at(chain.entries, 0).mac);
    expect(again.mac).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('canonical form', () => {
  it('does not depend on property order and leaves out missing fields', () => {
    expect(canonicalJson({ b: 1, a: 'x', c: undefined })).toBe(canonicalJson({ a: 'x', b: 1 }));
    expect(canonicalJson({ a: { z: [1, 'two'], y: null } })).toBe('{"a":{"y":null,"z":[1,"two"]}}');
  });

  it('verifies an entry whose properties come back in another order (as from a backup)', async () => {
    const reordered = chain.entries.map(
      (entry) => Object.fromEntries(Object.entries(entry).reverse()) as ChainedAuditEntry,
    );
    await expect(verifyAuditChain(reordered, chain.head, key)).resolves.toEqual({ kind: 'intact', count: 6 });
  });
});

type Tampering = (
  entries: ChainedAuditEntry[],
  head: AuditHead | null,
) =>
  | Promise<{ entries: ChainedAuditEntry[]; head: AuditHead | null }>
  | { entries: ChainedAuditEntry[]; head: AuditHead | null };

/** A tampering that changes the entry numbered `seq`, leaving the others and the head as they were. */
const changeEntry =
  (seq: number, change: (entry: ChainedAuditEntry) => ChainedAuditEntry): Tampering =>
  (entries, head) => ({ entries: entries.map((entry) => (entry.seq === seq ? change(entry) : entry)), head });

/** A tampering with the list of entries (some taken out, moved or copied), the head left as it was. */
const changeEntries =
  (change: (entries: ChainedAuditEntry[]) => ChainedAuditEntry[]): Tampering =>
  (entries, head) => ({ entries: change(entries), head });

const tamperings: readonly [string, Tampering, AuditTamperReason, number][] = [
  [
    'a field of a middle entry is edited (who did it)',
    changeEntry(3, (entry) => ({ ...entry, actorId: 'someone-else' })),
    'edited',
    3,
  ],
  [
    'the time of the first entry is edited',
    changeEntry(1, (entry) => ({ ...entry, at: '2026-11-19T08:00:00.000Z' })),
    'edited',
    1,
  ],
  [
    'an optional field is removed from an entry (which record)',
    changeEntry(2, (entry) => ({ ...entry, recordId: undefined })),
    'edited',
    2,
  ],
  [
    'a field is added to an entry',
    changeEntry(5, (entry) => ({ ...entry, detail: 'added later' })),
    'edited',
    5,
  ],
  [
    'an entry is renumbered to hide a deletion',
    changeEntries((entries) =>
      entries
        .filter((entry) => entry.seq !== 2)
        .map((entry) => (entry.seq > 2 ? { ...entry, seq: entry.seq - 1 } : entry)),
    ),
    'edited',
    2,
  ],
  [
    'a middle entry is deleted',
    changeEntries((entries) => entries.filter((entry) => entry.seq !== 3)),
    'missing',
    3,
  ],
  [
    'two middle entries are deleted',
    changeEntries((entries) => entries.filter((entry) => entry.seq !== 3 && entry.seq !== 4)),
    'missing',
    3,
  ],
  ['the first entry is deleted', changeEntries((entries) => entries.slice(1)), 'missing', 1],
  [
    'two entries are swapped',
    changeEntries((entries) => [0, 1, 3, 2, 4, 5].map((index) => entries[index]!)),
    'reordered',
    3,
  ],
  [
    'an old entry is copied to the end again',
    changeEntries((entries) => [...entries, entries[1]!]),
    'reordered',
    7,
  ],
  ['the last entry is deleted', changeEntries((entries) => entries.slice(0, -1)), 'truncated', 6],
  ['the last three entries are deleted', changeEntries((entries) => entries.slice(0, 3)), 'truncated', 4],
  ['every entry is deleted', changeEntries(() => []), 'truncated', 1],
  [
    'an entry is forged onto the end without the key (its MAC made up)',
    (entries) => {
      const last = entries[entries.length - 1]!;
      const forged: ChainedAuditEntry = {
        seq: 7,
        at: '2026-11-20T11:00:00.000Z',
        actorId: 'manager-1',
        action: 'export',
        previousMac: last.mac,
        mac: 'ab'.repeat(32),
      };
      return { entries: [...entries, forged], head: { seq: 7, mac: forged.mac } };
    },
    'edited',
    7,
  ],
  [
    'an entry is forged onto the end with a different key',
    async (entries) => {
      const forged = await appendAuditEntry(
        headOf(entries[entries.length - 1]!),
        { at: '2026-11-20T11:00:00.000Z', action: 'export' },
        await newAuditKey(),
      );
      return { entries: [...entries, forged], head: headOf(forged) };
    },
    'edited',
    7,
  ],
  ['a garbled MAC', changeEntry(4, (entry) => ({ ...entry, mac: 'not hex' })), 'edited', 4],
  [
    'entries are appended but the head is left behind',
    async (entries, head) => {
      const extra = await appendAuditEntry(head, { at: '2026-11-20T11:00:00.000Z', action: 'sign-out' }, key);
      return { entries: [...entries, extra], head };
    },
    'head-mismatch',
    7,
  ],
  ['the head is lost while entries remain', (entries) => ({ entries, head: null }), 'head-mismatch', 1],
  [
    'the head names another MAC',
    (entries, head) => ({ entries, head: head && { ...head, mac: 'cd'.repeat(32) } }),
    'head-mismatch',
    6,
  ],
];

describe('verifying the audit log', () => {
  it('finds an intact chain intact', async () => {
    await expect(verifyAuditChain(chain.entries, chain.head, key)).resolves.toEqual({
      kind: 'intact',
      count: 6,
    });
  });

  it('finds an empty log intact when nothing was ever written', async () => {
    await expect(verifyAuditChain([], null, key)).resolves.toEqual({ kind: 'intact', count: 0 });
  });

  it.each(tamperings)('detects it when %s', async (_case, tamper, reason, atSeq) => {
    const copy = chain.entries.map((entry) => ({ ...entry }));
    const { entries, head } = await tamper(copy, chain.head);
    const result = await verifyAuditChain(entries, head, key);
    expect(result).toMatchObject({ kind: 'tampered', reason, atSeq });
    if (result.kind === 'tampered') expect(result.message).toMatch(new RegExp(`\\b${atSeq}\\b`));
  });

  it('refuses a chain checked with another key, saying so in plain words', async () => {
    const result = await verifyAuditChain(chain.entries, chain.head, await newAuditKey());
    expect(result).toMatchObject({ kind: 'tampered', reason: 'edited', atSeq: 1 });
    if (result.kind === 'tampered') expect(result.message).toContain('None of the audit log’s entries match');
  });

  it('tells the manager what was found and what to do', async () => {
    const result = await verifyAuditChain(chain.entries.slice(0, 4), chain.head, key);
    expect(result.kind === 'tampered' && result.message).toMatch(
      /cut short.*entries from 5 onwards.*report it/s,
    );
  });

  it('checks a long log (2,000 entries) in one pass', async () => {
    const many = Array.from({ length: 2000 }, (_, index) => ({
      at: new Date(Date.UTC(2026, 0, 1, 0, index)).toISOString(),
      actorId: 'carer-2',
      action: 'update',
      recordType: 'visit',
      recordId: `v-${index}`,
    }));
    const long = await buildChain(key, many);
    await expect(verifyAuditChain(long.entries, long.head, key)).resolves.toEqual({
      kind: 'intact',
      count: 2000,
    });
    const edited = long.entries.map((entry) => (entry.seq === 1501 ? { ...entry, recordId: 'v-0' } : entry));
    await expect(verifyAuditChain(edited, long.head, key)).resolves.toMatchObject({
      kind: 'tampered',
      reason: 'edited',
      atSeq: 1501,
    });
  });
});

describe('one chain per computer', () => {
  const office = 'office-computer';
  const frontDesk = 'front-desk-computer';

  /** Each computer's chain, and the table as one computer holds it: entries interleaved, numbered by arrival. */
  async function twoComputersLog() {
    const chains = new Map<string, { entries: ChainedAuditEntry[]; head: AuditHead | null }>();
    const table: ChainedAuditEntry[] = [];
    for (const [index, event] of events.entries()) {
      const deviceId = index % 3 === 0 ? frontDesk : office;
      const chain = chains.get(deviceId) ?? { entries: [], head: null };
      const entry = await appendAuditEntry(chain.head, event, key, deviceId);
      chain.entries.push(entry);
      chain.head = headOf(entry);
      chains.set(deviceId, chain);
      table.push({ ...entry, seq: table.length + 1 });
    }
    return { chains, table };
  }

  async function verdicts(table: readonly ChainedAuditEntry[]) {
    const found = new Map<string, AuditVerification>();
    for (const chain of auditChains(table, office)) {
      const last = chain.entries[chain.entries.length - 1];
      found.set(chain.deviceId, await verifyAuditChain(chain.entries, last ? headOf(last) : null, key));
    }
    return found;
  }

  it('keeps a chain per computer, each numbered from 1, this computer’s first', async () => {
    const { table, chains } = await twoComputersLog();
    const split = auditChains(table, office);
    expect(split.map((chain) => chain.deviceId)).toEqual([office, frontDesk]);
    expect(split[0]?.entries.map(chainPosition)).toEqual([1, 2, 3, 4]);
    expect(split[1]?.entries.map(chainPosition)).toEqual([1, 2]);
    expect(chains.get(frontDesk)?.head?.seq).toBe(2);
    expect([...(await verdicts(table)).values()].map((verdict) => verdict.kind)).toEqual([
      'intact',
      'intact',
    ]);
  });

  it('does not depend on where an entry sits in the table: another computer numbers its rows its own way', async () => {
    const { table } = await twoComputersLog();
    const renumbered = table.map((entry, index) => ({ ...entry, seq: 100 + table.length - index }));
    expect([...(await verdicts(renumbered)).values()].map((verdict) => verdict.kind)).toEqual([
      'intact',
      'intact',
    ]);
  });

  it('finds an entry moved into another computer’s chain', async () => {
    const { table } = await twoComputersLog();
    // The front desk's second entry, relabelled as the office's fifth.
    const moved = table.map((entry) =>
      entry.deviceId === frontDesk && entry.deviceSeq === 2
        ? { ...entry, deviceId: office, deviceSeq: 5 }
        : entry,
    );
    const found = await verdicts(moved);
    expect(found.get(office)).toMatchObject({ kind: 'tampered', reason: 'edited', atSeq: 5 });
    // The front desk's chain now ends early: its head (known elsewhere) would say 2.
    const frontDeskChain = auditChains(moved, office).find((chain) => chain.deviceId === frontDesk);
    const head = (await twoComputersLog()).chains.get(frontDesk)?.head ?? null;
    expect(head?.seq).toBe(2);
    expect(frontDeskChain?.entries).toHaveLength(1);
  });

  it('finds an entry removed, reordered or altered within one computer’s chain', async () => {
    const { table } = await twoComputersLog();
    const removed = table.filter((entry) => !(entry.deviceId === office && entry.deviceSeq === 2));
    expect((await verdicts(removed)).get(office)).toMatchObject({
      kind: 'tampered',
      reason: 'missing',
      atSeq: 2,
    });

    const swapped = table.map((entry) =>
      entry.deviceId === office && entry.deviceSeq === 2
        ? { ...entry, deviceSeq: 3 }
        : entry.deviceId === office && entry.deviceSeq === 3
          ? { ...entry, deviceSeq: 2 }
          : entry,
    );
    expect((await verdicts(swapped)).get(office)).toMatchObject({
      kind: 'tampered',
      reason: 'edited',
      atSeq: 2,
    });

    const altered = table.map((entry) =>
      entry.deviceId === frontDesk && entry.deviceSeq === 1 ? { ...entry, action: 'nothing to see' } : entry,
    );
    expect((await verdicts(altered)).get(frontDesk)).toMatchObject({
      kind: 'tampered',
      reason: 'edited',
      atSeq: 1,
    });
    expect((await verdicts(altered)).get(office)?.kind).toBe('intact');
  });

  it('carries on a log written before chains as this computer’s chain, which still verifies', async () => {
    const older = await buildChain(key, events.slice(0, 3));
    const next = await appendAuditEntry(older.head, events[3]!, key, office);
    expect(next).toMatchObject({ deviceId: office, deviceSeq: 4, previousMac: older.head?.mac });
    const table = [...older.entries, { ...next, seq: 4 }];
    const [mine] = auditChains(table, office);
    expect(mine?.entries).toHaveLength(4);
    expect(await verifyAuditChain(mine?.entries ?? [], headOf(next), key)).toEqual({
      kind: 'intact',
      count: 4,
    });
  });

  it('checks an entry from before chains copied to another computer over the fields it was made with', async () => {
    const older = await buildChain(key, events.slice(0, 2));
    const copied = older.entries.map((entry, index): ChainedAuditEntry => ({
      ...entry,
      seq: 40 + index,
      deviceId: frontDesk,
      deviceSeq: entry.seq,
      legacy: 1,
    }));
    expect(await verifyAuditChain(copied, headOf(copied[1]!), key)).toEqual({ kind: 'intact', count: 2 });
    // Claimed for another computer, or stripped of its mark, it no longer matches.
    const claimed = copied.map((entry) => ({ ...entry, legacy: undefined }));
    expect(await verifyAuditChain(claimed, headOf(claimed[1]!), key)).toMatchObject({ kind: 'tampered' });
  });

  it('says whether an arriving entry follows on from the last one held for its computer', async () => {
    const { chains } = await twoComputersLog();
    const [first, second] = chains.get(office)?.entries ?? [];
    expect(followsOn(null, first!)).toBe(true);
    expect(followsOn(headOf(first!), second!)).toBe(true);
    expect(followsOn(null, second!)).toBe(false);
    expect(followsOn(headOf(second!), first!)).toBe(false);
    expect(followsOn(headOf(first!), { ...second!, previousMac: genesisMac })).toBe(false);
  });
});
