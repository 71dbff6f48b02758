import { useEffect, useState } from 'react';
import { bytesToBase64 } from '@shared/bytes';
import type { SignatureCheck } from '@shared/ipc/channels/documents';
import { windowApi } from '../../platform/window-api';

export type SignatureCheckState =
  SignatureCheck | { readonly state: 'checking' } | { readonly state: 'no-bridge' };

const notNow: SignatureCheck = {
  state: 'unverifiable',
  message: 'The signature could not be checked just now.',
};

/**
 * The signed copy's own signature, checked by the main process against the home CA it trusts
 * (the page is never the judge of a signature). Checked again whenever the bytes change; a check
 * of earlier bytes is never shown for later ones.
 */
export function useSignatureCheck(pdf: Uint8Array | undefined): SignatureCheckState | undefined {
  const [checked, setChecked] = useState<{ readonly pdf: Uint8Array; readonly check: SignatureCheck }>();
  const api = windowApi();
  useEffect(() => {
    if (!pdf || !api) return;
    let current = true;
    api['documents:verify-signature']({ bytes: bytesToBase64(pdf) }).then(
      (reply) => {
        if (current) setChecked({ pdf, check: reply.ok ? reply.value : notNow });
      },
      () => {
        if (current) setChecked({ pdf, check: notNow });
      },
    );
    return () => {
      current = false;
    };
  }, [pdf, api]);
  if (!pdf) return undefined;
  if (!api) return { state: 'no-bridge' };
  return checked?.pdf === pdf ? checked.check : { state: 'checking' };
}
