/**
 * Seals the parts of a row that no index needs (names, notes, form content) with AES-GCM under
 * the home's data key. The table and record id are bound in as additional data, so a sealed blob
 * copied onto another row, or another table, fails to open instead of showing the wrong record.
 * Work is done before a transaction opens: awaiting WebCrypto inside one lets IndexedDB commit it.
 */
export type SealedBox = { readonly iv: Uint8Array; readonly data: ArrayBuffer };

export type RecordCipher = {
  seal(context: string, value: unknown): Promise<SealedBox>;
  open(context: string, box: SealedBox): Promise<unknown>;
};

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function createRecordCipher(dataKey: CryptoKey): RecordCipher {
  return {
    async seal(context, value) {
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const data = await crypto.subtle.encrypt(
        { name: 'AES-GCM', iv, additionalData: encoder.encode(context) },
        dataKey,
        encoder.encode(JSON.stringify(value)),
      );
      return { iv, data };
    },
    async open(context, box) {
      const plain = await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: box.iv as Uint8Array<ArrayBuffer>, additionalData: encoder.encode(context) },
        dataKey,
        box.data,
      );
      return JSON.parse(decoder.decode(plain)) as unknown;
    },
  };
}

/** A new random 256-bit data key. Extractable only so that it can be wrapped for each account. */
export function generateDataKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
}
