/** The SHA-256 of `text` as UTF-8, in hex: kept with the disclosure so a copy can be recognised later (DESIGN: signed PDFs). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
