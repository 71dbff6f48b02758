/**
 * Whether a filed form's signed copy is the one that was signed, from three things kept apart:
 * the SHA-256 stored on the form (sealed and authenticated with it), the SHA-256 in the audit
 * log's filing entry (HMAC-chained), and the SHA-256 of the bytes held now. All three agree and
 * the entry is genuine: intact. Checked in the renderer from what is stored; the PDF's own CMS
 * signature is checked beside it by the main process (`useSignatureCheck`), as pdfsig would.
 */
export type SignedCopyVerdict =
  | { readonly kind: 'intact' }
  | { readonly kind: 'no-copy' }
  | { readonly kind: 'changed'; readonly why: string };

export function signedCopyVerdict(input: {
  readonly formSha256: string | undefined;
  readonly fileSha256: string | undefined;
  readonly recordSha256: string | undefined;
  readonly isRecordAuthentic: boolean | undefined;
}): SignedCopyVerdict {
  if (input.fileSha256 === undefined) return { kind: 'no-copy' };
  if (input.formSha256 !== input.fileSha256)
    return { kind: 'changed', why: 'The copy held here is not the file that was signed.' };
  if (input.recordSha256 === undefined || input.isRecordAuthentic === undefined)
    return { kind: 'changed', why: 'The audit log has no record of this file being signed.' };
  if (!input.isRecordAuthentic)
    return { kind: 'changed', why: 'The audit log’s record of the signing was altered.' };
  if (input.recordSha256 !== input.fileSha256)
    return { kind: 'changed', why: 'The audit log recorded a different file being signed.' };
  return { kind: 'intact' };
}
