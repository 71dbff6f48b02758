import { describe, expect, it } from 'vitest';
import { alertText, filedFormSummary, initialsOf, mailtoUrl } from '../../../../shared/rules/alert-text';

describe('alerts carry the least identifying text that does the job', () => {
  it.each([
    [{ firstName: 'Amelia', lastName: 'Hughes', preferredName: 'Millie' }, 'M.H.'],
    [{ firstName: 'Jordan', lastName: 'Smith' }, 'J.S.'],
    [{ firstName: 'zoë', lastName: 'ó’brien' }, 'Z.Ó.'],
    [{ firstName: '  Ann ', lastName: ' Lee', preferredName: '' }, 'A.L.'],
  ])('%j is written as %s', (person, initials) => {
    expect(initialsOf(person)).toBe(initials);
  });

  it('says who (initials), the reference, what happened and “open Family Links to read it”, and nothing else about the child', () => {
    const text = alertText({
      initials: 'M.H.',
      event: 'formFiled',
      reference: 'CF-2026-0042',
      summary: 'Home visit on 3 March',
    });
    expect(text.subject).toBe('Family Links: a contact form was filed for M.H. (CF-2026-0042)');
    expect(text.body).toContain('For M.H.: a contact form was filed.');
    expect(text.body).toContain('Reference: CF-2026-0042');
    expect(text.body).toContain('Details: Home visit on 3 March');
    expect(text.body).toContain('Open Family Links to read it.');
    expect(text.body).not.toMatch(/Amelia|Hughes|Millie/);
  });

  it('leaves the details line out when there is no summary', () => {
    expect(
      alertText({ initials: 'J.S.', event: 'restrictionEnded', reference: 'R-1A2B3C4D' }).body,
    ).not.toContain('Details:');
  });

  it('opens in a mail client with the address, subject and body encoded (spaces as %20, lines as CRLF)', () => {
    const url = mailtoUrl({ to: 'sam.social@council.example', subject: 'A & B', body: 'line one\nline two' });
    expect(url).toBe('mailto:sam.social@council.example?subject=A%20%26%20B&body=line%20one%0D%0Aline%20two');
  });
});

describe('the details line of a filed form’s alert', () => {
  it.each([
    // September's short form is four letters, and a day can be one digit: the whole date, every time.
    ['phoneCall', '2026-09-15T10:00:00.000Z', 'Phone call on 15 September 2026'],
    ['homeVisit', '2026-11-03T10:00:00.000Z', 'Home visit on 3 November 2026'],
    // Half past midnight in summer time: already the next day at the home, still the 14th in UTC.
    ['videoCall', '2026-07-14T23:30:00.000Z', 'Video call on 15 July 2026'],
  ] as const)('a %s started at %s reads “%s”', (kind, startedAt, expected) => {
    expect(filedFormSummary(kind, startedAt, 'Europe/London')).toBe(expected);
  });
});
