import type { CommunicationNeeds, ContactChannel } from '../schemas/communication';
import { choiceInWords } from '../word-lists';

/** The channel as it reads after "Prefers". */
const channelWords: Readonly<Record<ContactChannel, string>> = {
  phone: 'phone calls',
  video: 'video calls',
  letter: 'letters',
  email: 'email',
  inPerson: 'meeting in person',
};

const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

/**
 * One short line on how to reach and greet a family member, shown where contact is arranged or
 * happens (booking, the front door, the contact form): seed 004 §4 asks staff to "respect the
 * differing needs parents themselves may have, such as a disability or communication and
 * linguistic barriers" and to be flexible "in the timing ... of meetings, visits". For example
 * "Speaks Polish; needs an interpreter. Prefers phone calls after 6pm." Undefined when nothing
 * is recorded, so screens show nothing rather than an empty line.
 */
export function communicationLine(needs: CommunicationNeeds): string | undefined {
  const sentences: string[] = [];
  const language = needs.language?.trim() ?? '';
  if (language !== '' || needs.needsInterpreter) {
    const speaks = language === '' ? '' : `Speaks ${language}`;
    const interpreter = needs.needsInterpreter ? 'needs an interpreter' : '';
    sentences.push(speaks && interpreter ? `${speaks}; ${interpreter}` : speaks || `Needs an interpreter`);
  }
  const channels = (needs.preferredChannels ?? []).map((channel) => channelWords[channel]);
  const times = needs.preferredTimes?.trim() ?? '';
  if (channels.length > 0) sentences.push(`Prefers ${choiceInWords(channels)}${times ? ` ${times}` : ''}`);
  else if (times) sentences.push(`Best times: ${times}`);
  const access = needs.accessibilityNeeds?.trim() ?? '';
  if (access) sentences.push(`Access needs: ${access}`);
  return sentences.length === 0 ? undefined : sentences.map(sentence).join(' ');
}
