import { describe, expect, it } from 'vitest';
import {
  diaryDay,
  entriesByDay,
  layOutDiary,
  textWithin,
  wallClockMinute,
  type DiaryEntry,
  type PlacedEntry,
} from '../../../../shared/rules/diary-layout';
import { at, london } from '../../../factories/wall-clock-instant';

const entry = (id: string, startsAt: string, endsAt: string): DiaryEntry => ({ id, startsAt, endsAt });

/** One day's boxes as [id, top, height, column, columns] rows, easy to read in a table. */
function boxesOn(entries: readonly DiaryEntry[], date: string, timeZone = london) {
  const [layout] = layOutDiary(entries, [date], timeZone);
  if (!layout) throw new Error('No layout');
  return layout.placed.map((box: PlacedEntry<DiaryEntry>) => [
    box.entry.id,
    box.top,
    box.height,
    box.column,
    box.columns,
  ]);
}

describe('where a visit sits on an ordinary day', () => {
  it('is placed by the home’s wall clock, in minutes from midnight', () => {
    // 3 June 2026 is in British Summer Time: 14:00 on the wall is 13:00 UTC.
    expect(
      boxesOn([entry('a', '2026-06-03T13:00:00.000Z', '2026-06-03T14:30:00.000Z')], '2026-06-03'),
    ).toEqual([['a', 840, 90, 0, 1]]);
  });

  it('uses the home’s zone, not UTC or the computer’s', () => {
    const tokyo = 'Asia/Tokyo';
    expect(
      boxesOn(
        [entry('a', at('2026-06-03', '10:00', tokyo), at('2026-06-03', '11:00', tokyo))],
        '2026-06-03',
        tokyo,
      ),
    ).toEqual([['a', 600, 60, 0, 1]]);
  });

  it('leaves out visits on other days, and one ending at midnight is not on the next day', () => {
    const visits = [
      entry('before', at('2026-06-02', '10:00'), at('2026-06-02', '11:00')),
      entry('to-midnight', at('2026-06-02', '23:00'), at('2026-06-03', '00:00')),
      entry('after', at('2026-06-04', '00:00'), at('2026-06-04', '01:00')),
    ];
    expect(boxesOn(visits, '2026-06-03')).toEqual([]);
    expect(boxesOn(visits, '2026-06-02')).toEqual([
      ['before', 600, 60, 0, 1],
      ['to-midnight', 1380, 60, 0, 1],
    ]);
  });
});

describe('visits at the same time share the width', () => {
  const d = '2026-06-03';
  it.each<[string, DiaryEntry[], (string | number)[][]]>([
    [
      'two overlapping, then a third after the first ends, then one alone',
      [
        entry('a', at(d, '10:00'), at(d, '12:00')),
        entry('b', at(d, '11:00'), at(d, '13:00')),
        entry('c', at(d, '12:30'), at(d, '13:30')),
        entry('d', at(d, '14:00'), at(d, '15:00')),
      ],
      [
        ['a', 600, 120, 0, 2],
        ['b', 660, 120, 1, 2],
        ['c', 750, 60, 0, 2],
        ['d', 840, 60, 0, 1],
      ],
    ],
    [
      'back to back is no overlap',
      [entry('a', at(d, '10:00'), at(d, '11:00')), entry('b', at(d, '11:00'), at(d, '12:00'))],
      [
        ['a', 600, 60, 0, 1],
        ['b', 660, 60, 0, 1],
      ],
    ],
    [
      'three at once take three columns, the longer first when they start together',
      [
        entry('short', at(d, '09:00'), at(d, '09:30')),
        entry('long', at(d, '09:00'), at(d, '11:00')),
        entry('middle', at(d, '09:15'), at(d, '10:00')),
      ],
      [
        ['long', 540, 120, 0, 3],
        ['short', 540, 30, 1, 3],
        ['middle', 555, 45, 2, 3],
      ],
    ],
    [
      'a five-minute call is drawn 15 minutes tall, and what it covers counts as an overlap',
      [entry('call', at(d, '10:00'), at(d, '10:05')), entry('next', at(d, '10:10'), at(d, '10:40'))],
      [
        ['call', 600, 15, 0, 2],
        ['next', 610, 30, 1, 2],
      ],
    ],
    [
      'a short one just before midnight is lifted to fit the day',
      [entry('late', at(d, '23:55'), at('2026-06-04', '00:00'))],
      [['late', 1425, 15, 0, 1]],
    ],
  ])('%s', (_title, visits, expected) => {
    expect(boxesOn(visits, d)).toEqual(expected);
  });

  it('comes out in time order whatever order the visits came in', () => {
    const visits = [
      entry('c', at(d, '16:00'), at(d, '17:00')),
      entry('a', at(d, '08:00'), at(d, '09:00')),
      entry('b', at(d, '12:00'), at(d, '13:00')),
    ];
    expect(boxesOn(visits, d).map(([id]) => id)).toEqual(['a', 'b', 'c']);
  });
});

describe('a visit across midnight', () => {
  const overnight = entry('night', at('2026-06-01', '22:00'), at('2026-06-02', '02:00'));

  it('shows on both days, cut at midnight and marked as going on', () => {
    const [monday, tuesday] = layOutDiary([overnight], ['2026-06-01', '2026-06-02'], london);
    expect(monday?.placed).toEqual([
      expect.objectContaining({
        top: 1320,
        height: 120,
        continuesFromDayBefore: false,
        continuesToDayAfter: true,
      }),
    ]);
    expect(tuesday?.placed).toEqual([
      expect.objectContaining({
        top: 0,
        height: 120,
        continuesFromDayBefore: true,
        continuesToDayAfter: false,
      }),
    ]);
  });
});

describe('clock-change days', () => {
  it('the day the clocks go forward is 23 hours, and 01:00 to 02:00 is an empty band', () => {
    const day = diaryDay('2026-03-29', london);
    expect(day.lengthMinutes).toBe(1380);
    expect(day.clockChange).toEqual({ kind: 'forward', fromMinute: 60, toMinute: 120 });
    // 00:30 GMT to 03:30 BST is two real hours, drawn 00:30 to 03:30 on the wall clock.
    expect(
      boxesOn(
        [
          entry('across', at('2026-03-29', '00:30'), at('2026-03-29', '03:30')),
          entry('after', at('2026-03-29', '04:00'), at('2026-03-29', '05:00')),
        ],
        '2026-03-29',
      ),
    ).toEqual([
      ['across', 30, 180, 0, 1],
      ['after', 240, 60, 0, 1],
    ]);
  });

  it('the day the clocks go back is 25 hours, and each 01:00 to 02:00 takes half the band', () => {
    const day = diaryDay('2026-10-25', london);
    expect(day.lengthMinutes).toBe(1500);
    expect(day.clockChange).toEqual({ kind: 'back', fromMinute: 60, toMinute: 120 });
    // 00:00 UTC is 01:00 BST (the first time round); 01:00 UTC is 01:00 GMT (the second).
    expect(
      boxesOn(
        [
          entry('before', '2026-10-24T23:00:00.000Z', '2026-10-25T00:00:00.000Z'),
          entry('first-time', '2026-10-25T00:00:00.000Z', '2026-10-25T01:00:00.000Z'),
          entry('second-time', '2026-10-25T01:00:00.000Z', '2026-10-25T02:00:00.000Z'),
          entry('after', at('2026-10-25', '14:00'), at('2026-10-25', '15:00')),
        ],
        '2026-10-25',
      ),
    ).toEqual([
      ['before', 0, 60, 0, 1],
      ['first-time', 60, 30, 0, 1],
      ['second-time', 90, 30, 0, 1],
      ['after', 840, 60, 0, 1],
    ]);
  });

  it.each<[string, string, number, { kind: string; fromMinute: number; toMinute: number }]>([
    ['America/New_York', '2026-03-08', 1380, { kind: 'forward', fromMinute: 120, toMinute: 180 }],
    ['America/New_York', '2026-11-01', 1500, { kind: 'back', fromMinute: 60, toMinute: 120 }],
    // Lord Howe Island moves its clocks by half an hour.
    ['Australia/Lord_Howe', '2026-10-04', 1410, { kind: 'forward', fromMinute: 120, toMinute: 150 }],
  ])('in %s, %s is %i minutes long with its band where the clocks change', (zone, date, length, band) => {
    const day = diaryDay(date, zone);
    expect(day.lengthMinutes).toBe(length);
    expect(day.clockChange).toEqual(band);
  });

  it('an ordinary day has no band, and the height of the day’s end is 24:00', () => {
    const day = diaryDay('2026-06-03', london);
    expect(day.clockChange).toBeUndefined();
    expect(day.minuteOf(day.endsAtMs)).toBe(1440);
    expect(diaryDay('2026-10-25', london).minuteOf(diaryDay('2026-10-25', london).endsAtMs)).toBe(1440);
  });
});

describe('the month view’s days', () => {
  it('lists each day’s visits in time order, a visit across midnight on both days', () => {
    const visits = [
      entry('late', at('2026-06-01', '22:00'), at('2026-06-02', '01:00')),
      entry('tuesday', at('2026-06-02', '09:00'), at('2026-06-02', '10:00')),
      entry('monday', at('2026-06-01', '09:00'), at('2026-06-01', '10:00')),
    ];
    expect(
      entriesByDay(visits, ['2026-06-01', '2026-06-02', '2026-06-03'], london).map((day) => [
        day.date,
        day.entries.map((item) => item.id),
      ]),
    ).toEqual([
      ['2026-06-01', ['monday', 'late']],
      ['2026-06-02', ['late', 'tuesday']],
      ['2026-06-03', []],
    ]);
  });
});

describe('a time on the wall clock from the day shown', () => {
  const week = ['2026-06-01', '2026-06-02', '2026-06-03'].map((date) => diaryDay(date, london));

  it('is the minutes since the day began on the home’s clock', () => {
    // 14:05 in British Summer Time is 13:05 UTC.
    expect(wallClockMinute(Date.parse('2026-06-02T13:05:00.000Z'), week)).toBe(14 * 60 + 5);
    expect(wallClockMinute(Date.parse(at('2026-06-03', '23:59')), week)).toBe(23 * 60 + 59);
  });

  it('agrees with the zone’s own rules at every half hour of a week', () => {
    const days = ['2026-06-01', '2026-06-02'].map((date) => diaryDay(date, london));
    for (let minute = 0; minute < 2 * 24 * 60; minute += 30) {
      const ms = Date.parse('2026-05-31T23:00:00.000Z') + minute * 60_000;
      const expected = new Intl.DateTimeFormat('en-GB', {
        timeZone: london,
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(ms);
      const found = wallClockMinute(ms, days);
      expect(found).toBeDefined();
      const whole = (found ?? 0) % (24 * 60);
      expect(
        `${String(Math.floor(whole / 60)).padStart(2, '0')}:${String(whole % 60).padStart(2, '0')}`,
      ).toBe(expected);
    }
  });

  it('leaves a clock-change day and a day not shown to the zone’s rules', () => {
    const forward = [diaryDay('2026-03-29', london)];
    expect(wallClockMinute(Date.parse(at('2026-03-29', '10:00')), forward)).toBeUndefined();
    expect(wallClockMinute(Date.parse(at('2026-06-09', '10:00')), week)).toBeUndefined();
  });
});

describe('the text a box lays out', () => {
  it('keeps every line that could fit whole', () => {
    expect(textWithin('14:00–15:00\nAmy Brown: Outing', 40)).toBe('14:00–15:00\nAmy Brown: Outing');
  });

  it('cuts each line after the most characters the widest box could show', () => {
    // 2.4 em at 0.2 em a character: twelve characters a line at most.
    expect(textWithin('14:00–15:00\nAmy Brown: Family visit at the home', 2.4)).toBe(
      '14:00–15:00\nAmy Brown: F',
    );
    expect(textWithin('abcdef', 1, 0.5)).toBe('ab');
  });

  it('never cuts a character in half', () => {
    // The emoji is two code units: the cut falls between them, so it keeps both.
    expect(textWithin('ab😀cd', 0.6)).toBe('ab😀');
    expect(textWithin('abc', 0)).toBe('a');
  });
});
