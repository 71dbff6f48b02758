import { describe, expect, it } from 'vitest';
import {
  createMailClientOpener,
  isAllowedMailto,
} from '../../../../../electron/main/services/mail/mail-client';

/** An opener whose system hand-off only records the addresses it is given, in `opened`. */
function recordingOpener() {
  const opened: string[] = [];
  return { opened, opener: createMailClientOpener((url) => Promise.resolve(void opened.push(url))) };
}

describe('opening an alert in the person’s own mail client', () => {
  it.each([
    [
      'hands the system only a mailto: address it built, with the subject and body',
      {
        to: 'sam@council.example',
        subject: 'Family Links: alert',
        body: 'For M.H.\nOpen Family Links to read it.',
      },
      [
        'mailto:sam@council.example?subject=Family%20Links%3A%20alert&body=For%20M.H.%0D%0AOpen%20Family%20Links%20to%20read%20it.',
      ],
    ],
    [
      'refuses an address that would smuggle a second recipient, and opens nothing',
      { to: 'sam@council.example?cc=x@evil.example', subject: 'S', body: 'B' },
      [],
    ],
  ])('%s', async (_case, message, handedOver) => {
    const { opened, opener } = recordingOpener();
    const result = await opener.open(message);
    expect(result.opened).toBe(handedOver.length > 0);
    expect(opened).toEqual(handedOver);
  });

  it.each([
    ['mailto:sam@council.example?subject=Hi&body=Text', true],
    ['https://example.org/', false],
    ['file:///etc/passwd', false],
    ['mailto:sam@council.example,other@evil.example', false],
    ['mailto:sam@council.example?cc=other@evil.example', false],
    ['mailto:sam@council.example?attach=/etc/passwd', false],
    ['not a url', false],
  ])('allow-list: %s → %s', (url, allowed) => {
    expect(isAllowedMailto(url)).toBe(allowed);
  });

  it('says so in plain words when no mail client opens', async () => {
    const opener = createMailClientOpener(() => Promise.reject(new Error('no handler')));
    expect(await opener.open({ to: 'sam@council.example', subject: 'S', body: 'B' })).toEqual({
      opened: false,
      message: 'No mail client opened on this computer. Copy the message from the outbox instead.',
    });
  });
});
