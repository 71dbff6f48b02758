import { randomBytes, randomUUID, sign } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDocumentsHandlers } from '../../electron/main/handlers/documents-handlers';
import { createDocumentsService } from '../../electron/main/services/documents';
import { inMemoryProtectedStorage } from '../../electron/main/services/mail/in-memory-protected-storage';
import { createTrustServices } from '../../electron/main/services/trust-services';
import { fixedDocumentDialogs } from '../../electron/main/services/fixed-document-dialogs';
import { openSealedKey } from '../../electron/main/services/signing/sealed-key';
import type { IpcReply, IpcRequest } from '../../shared/ipc/contract';
import { contractChecked } from '../support/contract-checked';
import { base64ToBytes, bytesToBase64 } from '../../shared/bytes';
import type { SealedCredential } from '../../shared/ipc/channels/signing';
import { contactFormContentSchema } from '../../shared/ipc/channels/documents';
import { layoutContactFormPdf } from '../../shared/pdf/contact-form-layout';
import { sampleContactFormInput } from '../../scripts/sample-contact-form';
import { benchResult, median } from './page/bench-timing';

/**
 * Main-process benchmarks (signing and case-file copies), run in Node by the bench runner after the page
 * benchmarks:
 * - `contact-form-file`: one form through `contact-form:file` as the renderer calls it (request
 *   checked against the contract, key opened, laid out, signed PAdES B-B, the copy written
 *   atomically with fsync into the case-file folder), against the floor of bare pdf-lib generation
 *   of the same form plus one bare RSA signature of the same bytes, measured in the same run.
 *   Target: ratio <= 1.5.
 * - `bulk-export`: 40 signed PDFs through `documents:export-file`, one call each, as the export
 *   screen sends them; the floor is writing the same bytes with plain writeFile. Target: >= 20/s.
 */

export type NodeBenchLine = {
  name: string;
  n: number;
  median_ms: number;
  floor_ms: number;
  ratio: number;
  per_second?: number;
};

const runs = 15;

async function timed(task: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await task();
  return performance.now() - started;
}

export const nodeBenchmarkNames = ['contact-form-file', 'bulk-export'] as const;

export async function runNodeBenchmarks(
  wanted: readonly string[],
  log: (line: string) => void,
): Promise<NodeBenchLine[]> {
  const selected = nodeBenchmarkNames.filter((name) => wanted.length === 0 || wanted.includes(name));
  if (selected.length === 0) return [];
  const root = await mkdtemp(join(tmpdir(), 'family-links-bench-'));
  try {
    const trust = createTrustServices({
      folder: join(root, 'user-data'),
      protectedStorage: inMemoryProtectedStorage(),
    });
    const documents = createDocumentsService({
      settingsFolder: join(root, 'user-data'),
      fontsFolder: join(process.cwd(), 'resources', 'fonts'),
      dialogs: fixedDocumentDialogs(root),
      homeAuthority: trust.homeAuthority,
      mainKey: trust.mainKey,
    });
    const handlers = createDocumentsHandlers({ documents, proofs: trust.proofs });
    // As the router does: the request and the reply checked against the contract.
    const call = async <C extends keyof typeof handlers>(
      channel: C,
      request: IpcRequest<C>,
    ): Promise<IpcReply<C>> => {
      const result = await contractChecked(handlers, channel)(request);
      if (!result.ok) throw new Error(result.error.message);
      return result.value;
    };

    log('[bench] making a home CA and a staff certificate');
    const caSecret = randomBytes(32).toString('hex');
    const staffSecret = randomBytes(32).toString('hex');
    const { authority } = await call('signing:create-authority', {
      homeName: 'Bench House',
      secret: caSecret,
    });
    const issued = (await call('signing:issue-certificate', {
      authority,
      authoritySecret: caSecret,
      staff: { id: randomUUID(), name: 'Bench Author', roles: ['personalTutor'] },
      homeName: 'Bench House',
      secret: staffSecret,
    })) as { outcome: 'issued'; credential: SealedCredential };
    const signer = {
      credential: {
        encryptedKey: issued.credential.encryptedKey,
        certificateChainPem: issued.credential.certificateChainPem,
      },
      secret: staffSecret,
    };
    const input = await sampleContactFormInput();
    const { fonts, authorEmail: _email, drawnSignaturePng, ...content } = input;
    const form = contactFormContentSchema.parse({
      ...content,
      ...(drawnSignaturePng ? { drawnSignaturePng: bytesToBase64(drawnSignaturePng) } : {}),
    });
    // The manager's choice of folder, made directly: what is measured is filing, not the proof.
    await documents.chooseCaseFileFolder();
    /**
     * The request to file the sample form under `reference` into its young person's case file.
     * Filed now: the main process refuses a signing time far from its own clock, so a form filed
     * at the fixture's own time would be refused.
     */
    const filing = (reference: string): IpcRequest<'contact-form:file'> => ({
      form: { ...form, reference, filedAt: new Date().toISOString() },
      signer,
      caseFile: {
        caseNumber: form.youngPerson.caseNumber,
        academicYear: '2026/27',
        date: '2026-11-23',
        kind: 'contact-form',
        reference,
      },
    });
    const lines: NodeBenchLine[] = [];

    if (selected.includes('contact-form-file')) {
      // The floor's key is opened once, outside the timing: a bare signature with a key at hand.
      const opened = openSealedKey({
        encryptedKey: base64ToBytes(signer.credential.encryptedKey),
        certificateChainPem: signer.credential.certificateChainPem,
        secret: staffSecret,
      });
      if (!opened.ok) throw new Error(opened.error.message);
      const timings: number[] = [];
      const floors: number[] = [];
      // Warm both paths (fonts read, modules compiled) before measuring.
      for (let index = -3; index < runs; index += 1) {
        const reference = `CF-${String(index + 10).padStart(4, '0')}`;
        const full = await timed(() => call('contact-form:file', filing(reference)));
        const floor = await timed(async () => {
          const bytes = await layoutContactFormPdf({ ...input, reference });
          sign('sha256', bytes, opened.value.privateKey);
        });
        if (index >= 0) {
          timings.push(full);
          floors.push(floor);
        }
      }
      lines.push(benchResult('contact-form-file', 1, timings, floors));
    }

    if (selected.includes('bulk-export')) {
      const count = 40;
      const filed = await call('contact-form:file', filing(form.reference));
      const signed = filed as { outcome?: string; pdf?: { bytes: string } };
      if (signed.outcome !== 'signed' || !signed.pdf)
        throw new Error(`The form to export was not filed: ${JSON.stringify(filed).slice(0, 300)}`);
      const pdfBytes = signed.pdf.bytes;
      // Forty different files, as forty filed forms would be (one byte changed in a comment-free spot is enough for distinct hashes).
      const files = Array.from({ length: count }, (_, index) => {
        const bytes = base64ToBytes(pdfBytes);
        bytes[bytes.length - 2] = index;
        return bytesToBase64(bytes);
      });
      const totals: number[] = [];
      const floors: number[] = [];
      for (let round = 0; round < 5; round += 1) {
        const { exportId } = (await call('documents:choose-export-folder', { title: 'Bench export' })) as {
          outcome: 'chosen';
          exportId: string;
        };
        totals.push(
          await timed(async () => {
            for (const [index, bytes] of files.entries())
              await call('documents:export-file', {
                exportId,
                fileName: `round-${round}-form-${index}.pdf`,
                bytes,
              });
          }),
        );
        floors.push(
          await timed(async () => {
            for (const [index, bytes] of files.entries())
              await writeFile(join(root, `bare-${round}-${index}.pdf`), base64ToBytes(bytes));
          }),
        );
      }
      const line = benchResult('bulk-export', count, totals, floors);
      lines.push({ ...line, per_second: Math.round((count / (median(totals) / 1000)) * 10) / 10 });
    }
    void fonts;
    return lines;
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
