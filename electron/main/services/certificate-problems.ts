/** What TLS errors say about a server's certificate, and the same in words a manager can act on. */
const certificateProblems: readonly [RegExp, string][] = [
  [/self[- ]signed/i, 'it is self-signed'],
  [
    /unable to (get local issuer|verify the first)|unknown ca|issuer certificate/i,
    'it was issued by an authority this computer does not trust',
  ],
  [/altname|does not match|hostname/i, 'it was issued for a different server name'],
  [/expired/i, 'it has expired'],
  [/not yet valid/i, 'it is not valid yet'],
];

/** Why the server's certificate was not trusted, read from an error's text; undefined if it names no reason. */
export function certificateProblemIn(text: string): string | undefined {
  return certificateProblems.find(([pattern]) => pattern.test(text))?.[1];
}
