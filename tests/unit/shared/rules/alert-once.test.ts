import { describe, expect, it } from 'vitest';
import {
  alertMessageId,
  mergeAlertedForms,
  settleAlertCopies,
  storedAlertCopy,
  type AlertCopy,
  type AlertMessageIdentity,
  type AlertVersion,
} from '../../../../shared/rules/alert-once';
import { idSchema } from '../../../../shared/schemas/common';

const form = '6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b';
const otherForm = '0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d';
const front = 'aaaaaaaa-0000-4000-8000-000000000001';
const office = 'bbbbbbbb-0000-4000-8000-000000000002';

const queued = (on: string, createdAt: string): AlertCopy => ({ state: 'queued', createdAt, queuedOn: on });
const sent = (on: string, sentAt: string, serverMessageId: string): AlertCopy => ({
  state: 'sent',
  createdAt: '2026-12-05T09:00:00.000Z',
  queuedOn: on,
  sentAt,
  sentVia: 'smtp',
  serverMessageId,
});
const version = (d: string, n: number, record: AlertCopy): AlertVersion<AlertCopy> => ({ d, n, record });

describe('alertMessageId', () => {
  const about = { event: 'formOverdue', recordId: form, recipientKey: 'staff:tutor-1' };

  it('is the same for the same alert on every computer, and a valid id', async () => {
    const [first, again] = await Promise.all([alertMessageId(about), alertMessageId({ ...about })]);
    expect(first).toBe(again);
    expect(idSchema.safeParse(first).success).toBe(true);
    expect(first.charAt(14)).toBe('8');
  });

  it('differs for another form, another kind of alert or another recipient', async () => {
    const ids = await Promise.all([
      alertMessageId(about),
      alertMessageId({ ...about, recordId: otherForm }),
      alertMessageId({ ...about, event: 'formFiled' }),
      alertMessageId({ ...about, recipientKey: 'member:sam-1' }),
    ]);
    expect(new Set(ids).size).toBe(4);
  });

  it('carries nothing of what it is made from', async () => {
    const id = await alertMessageId(about);
    for (const part of [form.slice(0, 8), 'tutor', 'staff', 'formOverdue']) expect(id).not.toContain(part);
  });
});

describe('settleAlertCopies', () => {
  it('keeps the copy queued first when neither has gone, whichever order the copies come in', () => {
    const a = version(front, 7, queued(front, '2026-12-05T09:00:00.000Z'));
    const b = version(office, 12, queued(office, '2026-12-05T09:05:00.000Z'));
    for (const order of [
      [a, b],
      [b, a],
    ]) {
      const settled = settleAlertCopies(order);
      expect(settled?.record.queuedOn).toBe(front);
      expect(settled?.sentBy).toEqual([]);
    }
  });

  it('two copies queued at the same moment: the same one stands everywhere, by computer', () => {
    const at = '2026-12-05T09:00:00.000Z';
    const settled = settleAlertCopies([
      version(office, 3, queued(office, at)),
      version(front, 9, queued(front, at)),
    ]);
    expect(settled?.record.queuedOn).toBe(front);
  });

  it('a copy that left stands over one still queued, even one queued earlier', () => {
    const settled = settleAlertCopies([
      version(office, 40, queued(office, '2026-12-05T08:00:00.000Z')),
      version(front, 3, sent(front, '2026-12-05T09:01:00.000Z', '<m1@front>')),
    ]);
    expect(settled?.record).toMatchObject({ state: 'sent', queuedOn: front, serverMessageId: '<m1@front>' });
    expect(settled?.record.alsoSentBy).toBeUndefined();
    expect(settled?.sentBy).toEqual([front]);
  });

  it('a copy being sent stands over a queued one; a cancelled one over a queued one; a queued one over a failed one', () => {
    const sending: AlertCopy = {
      ...queued(office, '2026-12-05T09:09:00.000Z'),
      state: 'sending',
      sendingSince: '2026-12-05T09:10:00.000Z',
    };
    const queuedAtFront = version(front, 5, queued(front, '2026-12-05T09:00:00.000Z'));
    expect(settleAlertCopies([queuedAtFront, version(office, 2, sending)])?.record.state).toBe('sending');
    const cancelled: AlertCopy = { ...queued(office, '2026-12-05T09:09:00.000Z'), state: 'cancelled' };
    expect(settleAlertCopies([queuedAtFront, version(office, 2, cancelled)])?.record.state).toBe('cancelled');
    const failed: AlertCopy = { ...queued(front, '2026-12-05T08:00:00.000Z'), state: 'failed' };
    expect(
      settleAlertCopies([
        version(front, 5, failed),
        version(office, 2, queued(office, '2026-12-05T09:00:00.000Z')),
      ])?.record,
    ).toMatchObject({ state: 'queued', queuedOn: office });
  });

  it('both sent before they met: the first send stands and the record keeps the other, honestly', () => {
    const settled = settleAlertCopies([
      version(office, 8, sent(office, '2026-12-05T09:02:00.000Z', '<m2@office>')),
      version(front, 3, sent(front, '2026-12-05T09:01:00.000Z', '<m1@front>')),
    ]);
    expect(settled?.record).toMatchObject({ queuedOn: front, serverMessageId: '<m1@front>' });
    expect(settled?.record.alsoSentBy).toEqual([
      {
        computer: office,
        sentAt: '2026-12-05T09:02:00.000Z',
        sentVia: 'smtp',
        serverMessageId: '<m2@office>',
      },
    ]);
    expect(settled?.sentBy).toEqual([front, office]);
  });

  it('settling a settled copy again, or with a copy of itself, changes nothing', () => {
    const first = settleAlertCopies([
      version(office, 8, sent(office, '2026-12-05T09:02:00.000Z', '<m2@office>')),
      version(front, 3, sent(front, '2026-12-05T09:01:00.000Z', '<m1@front>')),
    ]);
    if (!first) throw new Error('nothing settled');
    const again = settleAlertCopies([version(front, 20, first.record), version(office, 21, first.record)]);
    expect(again).toEqual(first);
  });

  it('nothing to settle without a copy', () => {
    expect(settleAlertCopies([])).toBeUndefined();
  });
});

describe('mergeAlertedForms', () => {
  it('every form either computer alerted, once each, in one order', () => {
    expect(mergeAlertedForms([[otherForm, form], [form]])).toEqual([otherForm, form].sort());
    expect(mergeAlertedForms([[form], [otherForm]])).toEqual(mergeAlertedForms([[otherForm], [form]]));
  });
});

describe('storedAlertCopy', () => {
  const expected: AlertMessageIdentity = {
    id: form,
    youngPersonId: front,
    event: 'formOverdue',
    recipientEmail: 'tom.tutor@home.example',
  };

  it.each([
    ['the same message, queued here or on another computer', expected, { kind: 'sameMessage' }],
    [
      'the same message, its address written in capitals',
      { ...expected, recipientEmail: 'Tom.Tutor@Home.Example' },
      { kind: 'sameMessage' },
    ],
    ['a row that does not open', undefined, { kind: 'replace', reason: 'doesNotOpen' }],
    [
      'a message under another id',
      { ...expected, id: otherForm },
      { kind: 'replace', reason: 'differentMessage' },
    ],
    [
      'a message about another young person',
      { ...expected, youngPersonId: office },
      { kind: 'replace', reason: 'differentMessage' },
    ],
    [
      'another kind of alert',
      { ...expected, event: 'formFiled' },
      { kind: 'replace', reason: 'differentMessage' },
    ],
    [
      'a message to another address',
      { ...expected, recipientEmail: 'someone@elsewhere.example' },
      { kind: 'replace', reason: 'differentMessage' },
    ],
  ] as const)('%s', (_, stored, outcome) => {
    expect(storedAlertCopy(expected, stored)).toEqual(outcome);
  });
});
