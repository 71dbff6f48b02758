import { describe, expect, it } from 'vitest';
import {
  assessPassword,
  minimumPasswordLength,
  type PasswordContext,
} from '../../../../shared/rules/password-strength';

const bernadette: PasswordContext = {
  name: 'Bernadette Okonkwo',
  username: 'b.okonkwo',
  email: 'bernadette.okonkwo@oakfield.example',
  homeName: 'Oakfield House',
};

describe('a new password', () => {
  it.each([
    ['an empty one', ''],
    ['11 characters', 'kettleorbit'],
    ['a short word with accents counted as letters, not bytes', 'café-crème'],
  ])('is refused as too short: %s', (_case, password) => {
    expect(assessPassword(password, bernadette)).toEqual({
      kind: 'tooShort',
      minimum: minimumPasswordLength,
      message: 'Choose something longer: at least 12 characters. Three or four random words work well.',
    });
  });

  it.each([
    ['a well-known password with digits', 'password1234', 'too easy to guess'],
    ['a season, the year and symbols', 'Summer2026!!', 'too easy to guess'],
    ['a keyboard run', 'qwertyuiop12', 'too easy to guess'],
    ['a common password with the year', 'Password2026!', 'too easy to guess'],
    ['her own first name and digits', 'Bernadette2026', 'your own name'],
    ['her surname and digits', 'okonkwo123456', 'your own name'],
    ['her username and digits', 'b.okonkwo12345', 'your own name'],
    ['the home’s name and the year', 'OakfieldHouse2026', 'the home’s name'],
  ])('is refused as too guessable: %s', (_case, password, inMessage) => {
    const assessment = assessPassword(password, bernadette);
    expect(assessment.kind).toBe('tooGuessable');
    if (assessment.kind !== 'tooGuessable') return;
    expect(assessment.message).toContain(inMessage);
    expect(assessment.message).toContain('Three or four random words work well.');
    expect(assessment.suggestions.length).toBeGreaterThan(0);
  });

  it('suggests leaving out her own details when she used them', () => {
    const assessment = assessPassword('Bernadette2026', bernadette);
    expect(assessment.kind === 'tooGuessable' && assessment.suggestions).toContain(
      'Leave out your name, username, email address and the home’s name.',
    );
  });

  it('refuses her own name typed without its accents', () => {
    const zofia: PasswordContext = {
      name: 'Zofia Ćwiękała-Brzęczyk',
      username: 'zcb',
      email: 'zcb@oakfield.example',
      homeName: 'Oakfield House',
    };
    const assessment = assessPassword('Brzeczyk2026!x', zofia);
    expect(assessment).toMatchObject({ kind: 'tooGuessable' });
    expect(assessment.kind === 'tooGuessable' && assessment.message).toContain('your own name');
  });

  it.each([
    ['four random words with spaces', 'kettle orbit violet marsh'],
    ['four random words with dashes', 'winter-lantern-copper-fig'],
    ['a long sentence of her own', 'my allotment leeks beat Gerald again'],
  ])('is accepted: %s', (_case, password) => {
    expect(assessPassword(password, bernadette)).toMatchObject({ kind: 'acceptable', score: 4 });
  });

  it('judges a password the same whether its accents were typed composed or decomposed', () => {
    const composed = 'crème brûlée ferry noon'.normalize('NFC');
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    expect(assessPassword(decomposed, bernadette)).toEqual(assessPassword(composed, bernadette));
  });
});
