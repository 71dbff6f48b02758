import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { initialsOf, visitsIcs, type IcsVisit } from '../../../../shared/export/visits-ics';

const millie = crypto.randomUUID();
const tom = crypto.randomUUID();
const names: Record<string, string> = { [millie]: 'Millie Hughes', [tom]: 'Tom O’Reilly' };
const visits: IcsVisit[] = [
  {
    id: crypto.randomUUID(),
    kind: 'familyVisit',
    startsAt: '2026-07-04T13:00:00.000Z',
    endsAt: '2026-07-04T15:00:00.000Z',
    status: 'confirmed',
    youngPersonIds: [millie],
  },
  {
    id: crypto.randomUUID(),
    kind: 'homeVisit',
    startsAt: '2026-12-01T10:00:00.000Z',
    endsAt: '2026-12-01T11:30:00.000Z',
    status: 'cancelled',
    youngPersonIds: [millie, tom],
  },
];

function parsed(text: string) {
  const jcal: unknown = ICAL.parse(text);
  if (!Array.isArray(jcal)) throw new Error('Expected one calendar');
  const component = new ICAL.Component(jcal);
  return component.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
}

describe('the visit schedule as an .ics file', () => {
  const text = visitsIcs(visits, {
    initials: (id) => initialsOf(names[id] ?? ''),
    stampedAt: new Date('2026-06-01T09:00:00.000Z'),
    calendarName: 'Visits',
  });

  it('parses with another calendar library, one event per visit at the right instants', () => {
    const events = parsed(text);
    expect(events.map((event) => event.startDate.toJSDate().toISOString())).toEqual([
      '2026-07-04T13:00:00.000Z',
      '2026-12-01T10:00:00.000Z',
    ]);
    expect(events.map((event) => event.endDate.toJSDate().toISOString())).toEqual([
      '2026-07-04T15:00:00.000Z',
      '2026-12-01T11:30:00.000Z',
    ]);
    expect(events.map((event) => event.uid)).toEqual(visits.map((visit) => `${visit.id}@family-links`));
  });

  it('names each visit by initials and kind only, and marks a cancelled one', () => {
    const events = parsed(text);
    expect(events.map((event) => event.summary)).toEqual([
      'MH: Family visit at the home',
      'MH, TO: Home visit to the family home',
    ]);
    expect(events[1]?.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(text).not.toMatch(/Millie|Hughes|Reilly/);
  });

  it.each([
    ['Millie Hughes', 'MH'],
    ['  jean-luc   o’neill ', 'JO'],
    ['Zoë Ärnström', 'ZÄ'],
    ['', ''],
  ])('initials of “%s” are “%s”', (name, initials) => {
    expect(initialsOf(name)).toBe(initials);
  });
});
