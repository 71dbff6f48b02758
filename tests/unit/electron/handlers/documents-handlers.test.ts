import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentsHandlers } from '../../../../electron/main/handlers/documents-handlers';
import { createDocumentsService, type DialogPort } from '../../../../electron/main/services/documents';
import { inMemoryProtectedStorage } from '../../../../electron/main/services/mail/in-memory-protected-storage';
import { createTrustServices } from '../../../../electron/main/services/trust-services';
import {
  fixedDocumentDialogs,
  fixedDocumentFolders,
} from '../../../../electron/main/services/fixed-document-dialogs';
import { fieldMessages } from '../../../../shared/ipc/ipc-result';
import { ipcContract, type IpcChannel } from '../../../../shared/ipc/contract';
import { base64ToBytes, bytesToBase64 } from '../../../../shared/bytes';
import type { SealedCredential } from '../../../../shared/ipc/channels/signing';
import type { ReportContent } from '../../../../shared/ipc/channels/documents';
import { makeSignedSample, sampleContactFormInput } from '../../../../scripts/sample-contact-form';

/**
 * The signing and documents channels as the router runs them: each request checked against the
 * contract (a bad one never reaches the service), then the handler, then the reply checked too.
 */

type Dispatch = (
  channel: IpcChannel,
  request: unknown,
) => Promise<{ ok: boolean; value?: unknown; error?: { code: string; fields?: Record<string, string> } }>;

function dispatcherFor(handlers: ReturnType<typeof createDocumentsHandlers>): Dispatch {
  return async (channel, request) => {
    const spec = ipcContract[channel];
    const parsed = spec.request.safeParse(request);
    if (!parsed.success)
      return { ok: false, error: { code: 'invalid-request', fields: fieldMessages(parsed.error) } };
    const handler = (
      handlers as Record<
        string,
        (request: unknown) => Promise<{ ok: true; value: unknown } | { ok: false; error: { code: string } }>
      >
    )[channel];
    if (!handler) throw new Error(`No handler for ${channel}`);
    const result = await handler(parsed.data);
    if (!result.ok) return result;
    return { ok: true, value: spec.reply.parse(result.value) };
  };
}

let root: string;
const secret = () => randomBytes(32).toString('hex');

/** The main process's clock in these tests, and the time the forms and reports say they were signed. */
const mainClock = '2026-11-23T10:00:00.000Z';

function setUp(dialogs?: DialogPort, now: string = mainClock) {
  const folder = join(root, randomBytes(4).toString('hex'));
  const trust = createTrustServices({
    folder: join(folder, 'user-data'),
    protectedStorage: inMemoryProtectedStorage(),
    now: () => new Date(now),
  });
  const documents = createDocumentsService({
    settingsFolder: join(folder, 'user-data'),
    fontsFolder: join(process.cwd(), 'resources', 'fonts'),
    dialogs: dialogs ?? fixedDocumentDialogs(folder),
    homeAuthority: trust.homeAuthority,
    mainKey: trust.mainKey,
    now: () => new Date(now),
  });
  return {
    dispatch: dispatcherFor(createDocumentsHandlers({ documents, proofs: trust.proofs })),
    folders: fixedDocumentFolders(folder),
    settingsFolder: join(folder, 'user-data'),
    // Choosing the folder is the manager's (tests/unit/electron/handlers/manager-only.test.ts checks who);
    // here it is only the set-up for writing copies.
    chooseCaseFileFolder: () => documents.chooseCaseFileFolder(),
    homeAuthority: trust.homeAuthority,
  };
}

type Signer = { credential: Pick<SealedCredential, 'encryptedKey' | 'certificateChainPem'>; secret: string };

/** A Personal Tutor's signing key and certificate, issued by `authority` through `dispatch`. */
async function personalTutorOf(
  dispatch: ReturnType<typeof setUp>['dispatch'],
  authority: { encryptedKey: string; certificatePem: string },
  authoritySecret: string,
): Promise<Signer> {
  const staffSecret = secret();
  const issued = (
    await dispatch('signing:issue-certificate', {
      authority: { encryptedKey: authority.encryptedKey, certificatePem: authority.certificatePem },
      authoritySecret,
      staff: {
        id: '2b0f4b3e-8a51-4d36-9f0c-3c2d8f0a1b22',
        name: 'Siobhán O’Neill',
        roles: ['personalTutor'],
      },
      homeName: 'Oakfield House',
      secret: staffSecret,
    })
  ).value as { outcome: string; credential: SealedCredential };
  const { encryptedKey, certificateChainPem } = issued.credential;
  return { credential: { encryptedKey, certificateChainPem }, secret: staffSecret };
}

let signer: Signer;
let caPem: string;
/** The home CA `signer`'s certificate comes from, and its secret: a test issues with it to make a computer trust it. */
let home: { authority: { encryptedKey: string; certificatePem: string }; secret: string };
let form: Record<string, unknown>;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'family-links-documents-'));
  const { dispatch } = setUp();
  const caSecret = secret();
  const authority = (
    await dispatch('signing:create-authority', { homeName: 'Oakfield House', secret: caSecret })
  ).value as { authority: { encryptedKey: string; certificatePem: string } };
  caPem = authority.authority.certificatePem;
  home = { authority: authority.authority, secret: caSecret };
  signer = await personalTutorOf(dispatch, authority.authority, caSecret);
  const {
    fonts: _fonts,
    authorEmail: _email,
    drawnSignaturePng,
    ...content
  } = await sampleContactFormInput();
  form = {
    ...content,
    // The place `place` names: a form is signed only for the case file its content names.
    reference: 'CF-0001',
    youngPerson: { ...content.youngPerson, caseNumber: 'CN-0042' },
    filedAt: mainClock,
    ...(drawnSignaturePng ? { drawnSignaturePng: bytesToBase64(drawnSignaturePng) } : {}),
  };
}, 60_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const place = {
  caseNumber: 'CN-0042',
  academicYear: '2026/27',
  date: '2026-11-23',
  kind: 'contact-form',
  reference: 'CF-0001',
};

/** The signed PDF `contact-form:file` makes for `form` (no folder set, so nothing is written). */
async function signedCopy(
  dispatch: ReturnType<typeof setUp>['dispatch'],
  changes: { signer?: Signer; form?: Record<string, unknown>; place?: typeof place } = {},
): Promise<string> {
  const reply = (
    await dispatch('contact-form:file', {
      form: changes.form ?? form,
      signer: changes.signer ?? signer,
      caseFile: changes.place ?? place,
    })
  ).value as { outcome: string; pdf: { bytes: string } };
  if (reply.outcome !== 'signed') throw new Error(`Not signed: ${JSON.stringify(reply)}`);
  return reply.pdf.bytes;
}

async function pdfsigOutput(bytes: Uint8Array): Promise<string> {
  const path = join(root, `${randomBytes(4).toString('hex')}.pdf`);
  await writeFile(path, bytes);
  const result = spawnSync('pdfsig', [path], { encoding: 'utf8' });
  if (result.error) throw new Error('pdfsig is not installed: apt-get install -y poppler-utils');
  return `${result.stdout}${result.stderr}`;
}

// RSA key generation and Argon2-free but CPU-bound signing on shared two-core machines: generous time.
describe('signing channels', { timeout: 60_000 }, () => {
  it('issues only with the CA’s own secret', async () => {
    const { dispatch } = setUp();
    const caSecret = secret();
    const authority = (
      await dispatch('signing:create-authority', { homeName: 'Oakfield House', secret: caSecret })
    ).value as { authority: { encryptedKey: string; certificatePem: string } };
    const request = {
      authority: {
        encryptedKey: authority.authority.encryptedKey,
        certificatePem: authority.authority.certificatePem,
      },
      staff: { id: '3c1f4b3e-8a51-4d36-9f0c-3c2d8f0a1b22', name: 'Tom', roles: ['careStaff'] },
      homeName: 'Oakfield House',
      secret: secret(),
    };
    expect(
      (await dispatch('signing:issue-certificate', { ...request, authoritySecret: secret() })).value,
    ).toMatchObject({ outcome: 'refused', code: 'wrong-secret' });
    expect(
      (await dispatch('signing:issue-certificate', { ...request, authoritySecret: caSecret })).value,
    ).toMatchObject({ outcome: 'issued', credential: { subjectName: 'Tom' } });
  });

  it('refuses malformed requests before they reach the service', async () => {
    const { dispatch } = setUp();
    expect(
      (await dispatch('signing:create-authority', { homeName: 'Oakfield House', secret: 'short' })).error
        ?.code,
    ).toBe('invalid-request');
    expect(
      (await dispatch('signing:create-authority', { homeName: 'Oakfield House', secret: secret(), extra: 1 }))
        .error?.code,
    ).toBe('invalid-request');
    expect(
      (
        await dispatch('signing:issue-certificate', {
          authority: { encryptedKey: 'not base64!', certificatePem: caPem },
          authoritySecret: secret(),
          staff: { name: 'X' },
          homeName: 'H',
          secret: secret(),
        })
      ).error?.code,
    ).toBe('invalid-request');
  });
});

describe('contact-form:file and the case-file folder', { timeout: 60_000 }, () => {
  it('signs the form even with no folder set, and queues the copy with a plain reason', async () => {
    const { dispatch } = setUp();
    const reply = (await dispatch('contact-form:file', { form, signer, caseFile: place })).value as {
      outcome: string;
      pdf: { bytes: string; sha256: string; signerName: string };
      caseFile: { outcome: string; code: string; message: string };
    };
    expect(reply.outcome).toBe('signed');
    expect(reply.caseFile).toMatchObject({ outcome: 'queued', code: 'folder-not-set' });
    expect(reply.caseFile.message).toMatch(/Settings/);
    const bytes = base64ToBytes(reply.pdf.bytes);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(reply.pdf.sha256);
    expect(reply.pdf.signerName).toBe('Siobhán O’Neill');
    const checked = await pdfsigOutput(bytes);
    expect(checked).toContain('Signature is Valid');
    expect(checked).toContain('Total document signed');
  });

  it('writes the copy inside the chosen folder, and reports the folder reachable', async () => {
    const { chooseCaseFileFolder, dispatch, folders } = setUp();
    expect((await dispatch('case-file:folder-status', {})).value).toMatchObject({
      state: 'not-set',
      folder: null,
    });
    expect(await chooseCaseFileFolder()).toMatchObject({
      outcome: 'chosen',
      status: { state: 'reachable', folder: folders.caseFile },
    });
    const reply = (await dispatch('contact-form:file', { form, signer, caseFile: place })).value as {
      pdf: { bytes: string; sha256: string };
      caseFile: { outcome: string; relativePath: string; sha256: string };
    };
    expect(reply.caseFile).toEqual({
      outcome: 'written',
      relativePath: join('CN-0042', '2026-27', '2026-11-23-contact-form-CF-0001.pdf'),
      sha256: reply.pdf.sha256,
    });
    const written = await readFile(join(folders.caseFile, reply.caseFile.relativePath));
    expect(createHash('sha256').update(written).digest('hex')).toBe(reply.pdf.sha256);
    // The probe file used to check the folder is gone.
    expect((await readdir(folders.caseFile)).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('refuses, rather than rewrites, a case number or reference that climbs out, and writes nothing', async () => {
    const { chooseCaseFileFolder, dispatch, folders } = setUp();
    // Signed for the very place it names, so only the name rules stand between it and the folder.
    const signedFor = async (caseNumber: string, reference: string) => {
      const hostile = { ...place, caseNumber, reference };
      return {
        place: hostile,
        bytes: await signedCopy(dispatch, {
          form: { ...form, reference, youngPerson: { initials: 'JS', caseNumber } },
          place: hostile,
        }),
      };
    };
    const climbing = await signedFor('../../outside', '../../../etc/passwd');
    const dots = await signedFor('..', 'CF-0001');
    await chooseCaseFileFolder();
    const traversal = (await dispatch('case-file:write', climbing)).value as {
      outcome: string;
      code: string;
      message: string;
    };
    expect(traversal).toMatchObject({ outcome: 'queued', code: 'unsafe-name' });
    expect(traversal.message).toMatch(/case number cannot be used.*folder separator/);
    expect(await readdir(folders.caseFile)).toEqual([]);
    expect((await dispatch('case-file:write', dots)).value).toMatchObject({
      outcome: 'queued',
      code: 'unsafe-name',
    });
    const bytes = dots.bytes;
    expect(
      (await dispatch('case-file:write', { bytes, place: { ...place, date: '../../x' } })).error?.code,
    ).toBe('invalid-request');
  });

  it('queues the copy while the folder is gone, then writes it on retry; the same bytes twice are fine, other bytes never replace it', async () => {
    const { chooseCaseFileFolder, dispatch, folders } = setUp();
    await chooseCaseFileFolder();
    await rm(folders.caseFile, { recursive: true });
    const filed = (await dispatch('contact-form:file', { form, signer, caseFile: place })).value as {
      pdf: { bytes: string };
      caseFile: { outcome: string; code: string };
    };
    expect(filed.caseFile).toMatchObject({ outcome: 'queued', code: 'folder-unavailable' });
    expect((await dispatch('case-file:folder-status', {})).value).toMatchObject({
      state: 'folder-unavailable',
    });
    await mkdir(folders.caseFile);
    expect((await dispatch('case-file:write', { bytes: filed.pdf.bytes, place })).value).toMatchObject({
      outcome: 'written',
    });
    expect((await dispatch('case-file:write', { bytes: filed.pdf.bytes, place })).value).toMatchObject({
      outcome: 'written',
    });
    // Another signed copy for the same place (other words, so other bytes) under the same name.
    expect(
      (
        await dispatch('case-file:write', {
          bytes: await signedCopy(dispatch, { form: { ...form, whatHappened: 'Another account.' } }),
          place,
        })
      ).value,
    ).toMatchObject({
      outcome: 'queued',
      code: 'already-filed',
    });
  });

  it('writes into the case file only a copy signed by someone the home’s CA issued a certificate to', async () => {
    const { chooseCaseFileFolder, dispatch, folders } = setUp();
    // This computer learns the home CA, as it does when a manager issues a certificate here.
    const learnt = await dispatch('signing:issue-certificate', {
      authority: home.authority,
      authoritySecret: home.secret,
      staff: {
        id: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
        name: 'Pat Manager',
        roles: ['registeredManager'],
      },
      homeName: 'Oakfield House',
      secret: secret(),
    });
    expect(learnt.value).toMatchObject({ outcome: 'issued' });
    // Signed before any folder is set, so it waits in the app as a real copy does.
    const genuine = await signedCopy(dispatch);
    await chooseCaseFileFolder();
    // A certificate authority of someone's own, made and used from another computer.
    const other = setUp();
    const otherSecret = secret();
    const made = (
      await other.dispatch('signing:create-authority', { homeName: 'Oakfield House', secret: otherSecret })
    ).value as { authority: { encryptedKey: string; certificatePem: string } };
    const forgedSigned = await signedCopy(other.dispatch, {
      signer: await personalTutorOf(other.dispatch, made.authority, otherSecret),
    });
    const tampered = base64ToBytes(genuine);
    tampered[200] = (tampered[200] ?? 0) ^ 1;
    for (const bytes of [
      bytesToBase64(new TextEncoder().encode('%PDF-1.7 a contact form nobody signed')),
      forgedSigned,
      bytesToBase64(tampered),
    ]) {
      const reply = (await dispatch('case-file:write', { bytes, place })).value as {
        code: string;
        message: string;
      };
      expect(reply).toMatchObject({ outcome: 'queued', code: 'not-signed' });
      expect(reply.message).toMatch(/not a contact form signed in Family Links by someone at this home/);
    }
    expect(await readdir(folders.caseFile)).toEqual([]);
    // The real copy still takes its name.
    expect((await dispatch('case-file:write', { bytes: genuine, place })).value).toMatchObject({
      outcome: 'written',
    });
  });

  it('files a genuine copy only at the case number, year, day, kind and reference it was signed for', async () => {
    const { chooseCaseFileFolder, dispatch, folders, homeAuthority } = setUp();
    expect(await homeAuthority.learn(caPem, 'first-use')).toBe('accepted');
    // Signed for young person A (CN-0042) while the folder was offline, so it waits in the app.
    const genuine = await signedCopy(dispatch);
    await chooseCaseFileFolder();
    // From DevTools, with nobody signed in: A's genuine copy sent for another child's case file,
    // or under another form's name.
    const elsewhere: [Partial<typeof place>, RegExp][] = [
      [{ caseNumber: 'CN-0099' }, /case number/],
      [{ caseNumber: 'cn-0042' }, /case number/],
      [{ caseNumber: 'CN-0042 ' }, /case number/],
      [{ reference: 'CF-0002' }, /reference/],
      [{ kind: 'addendum' }, /kind of form/],
      [{ date: '2026-11-24' }, /filing date/],
      [{ academicYear: '2025/26' }, /academic year/],
    ];
    for (const [change, part] of elsewhere) {
      const reply = (await dispatch('case-file:write', { bytes: genuine, place: { ...place, ...change } }))
        .value as { outcome: string; code: string; message: string };
      expect(reply).toMatchObject({ outcome: 'queued', code: 'wrong-place' });
      expect(reply.message).toMatch(part);
      expect(reply.message).toMatch(/Nothing was written/);
    }
    expect(await readdir(folders.caseFile)).toEqual([]);
    // Under A's own place it is filed.
    expect((await dispatch('case-file:write', { bytes: genuine, place })).value).toMatchObject({
      outcome: 'written',
      relativePath: join('CN-0042', '2026-27', '2026-11-23-contact-form-CF-0001.pdf'),
    });
    expect(await readdir(folders.caseFile)).toEqual(['CN-0042']);
  });

  it('signs nothing for a case-file place the form’s own content contradicts', async () => {
    const { chooseCaseFileFolder, dispatch, folders } = setUp();
    await chooseCaseFileFolder();
    const contradicting: [Partial<typeof place>, RegExp][] = [
      [{ caseNumber: 'CN-0099' }, /case number/],
      [{ reference: 'CF-0002' }, /reference/],
      [{ kind: 'statement' }, /kind of form/],
    ];
    for (const [change, part] of contradicting) {
      const reply = (await dispatch('contact-form:file', { form, signer, caseFile: { ...place, ...change } }))
        .value as { outcome: string; code: string; message: string };
      expect(reply).toMatchObject({ outcome: 'refused', code: 'invalid-content' });
      expect(reply.message).toMatch(part);
    }
    expect(await readdir(folders.caseFile)).toEqual([]);
  });

  it('refuses a copy whose recorded place was edited after signing: its signature no longer holds', async () => {
    const { chooseCaseFileFolder, dispatch, folders, homeAuthority } = setUp();
    await homeAuthority.learn(caPem, 'first-use');
    const genuine = base64ToBytes(await signedCopy(dispatch));
    await chooseCaseFileFolder();
    // The place as written before signing: a UTF-16BE hex string. Edited in place, same length,
    // so every offset in the file still holds and only the signature can tell.
    const hexOf = (text: string) =>
      `FEFF${[...text].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('')}`.toUpperCase();
    const latin1 = Buffer.from(genuine).toString('latin1');
    const recorded = hexOf(JSON.stringify(place));
    expect(latin1).toContain(recorded);
    const moved = { ...place, caseNumber: 'CN-0099' };
    const edited = Buffer.from(latin1.replace(recorded, hexOf(JSON.stringify(moved))), 'latin1');
    expect(edited.length).toBe(genuine.length);
    for (const asked of [moved, place]) {
      const reply = (await dispatch('case-file:write', { bytes: bytesToBase64(edited), place: asked }))
        .value as { code: string; message: string };
      expect(reply).toMatchObject({ outcome: 'queued', code: 'not-signed' });
      expect(reply.message).toMatch(/changed since it was signed/);
    }
    expect(await readdir(folders.caseFile)).toEqual([]);
  });

  it('keeps in the app, for a person to file by hand, a copy signed before copies recorded their place', async () => {
    const { chooseCaseFileFolder, dispatch, folders, homeAuthority } = setUp();
    // Signed the way every copy was before: a genuine signature, no place inside it.
    const old = await makeSignedSample();
    expect(await homeAuthority.learn(old.caCertificatePem, 'first-use')).toBe('accepted');
    await chooseCaseFileFolder();
    const oldPlace = {
      ...place,
      caseNumber: old.input.youngPerson.caseNumber,
      reference: old.input.reference,
    };
    const reply = (await dispatch('case-file:write', { bytes: bytesToBase64(old.bytes), place: oldPlace }))
      .value as { code: string; message: string };
    expect(reply).toMatchObject({ outcome: 'queued', code: 'place-not-signed' });
    expect(reply.message).toMatch(/signed before.*safe in the app.*Save a copy/);
    expect(await readdir(folders.caseFile)).toEqual([]);
  });

  it('never follows a case-file folder record edited on disk: copies wait until the manager chooses again', async () => {
    const { chooseCaseFileFolder, dispatch, folders, settingsFolder } = setUp();
    await chooseCaseFileFolder();
    const record = join(settingsFolder, 'case-file-folder.json');
    const chosen = JSON.parse(await readFile(record, 'utf8')) as { folder: string; tag?: string };
    // Someone at the computer points the copies at a folder of their own: by hand, keeping the
    // manager's tag, or with a record from before folders were tagged.
    const elsewhere = join(root, randomBytes(4).toString('hex'), 'taken');
    await mkdir(elsewhere, { recursive: true });
    for (const edited of [{ ...chosen, folder: elsewhere }, { folder: elsewhere }]) {
      await writeFile(record, JSON.stringify(edited));
      const status = (await dispatch('case-file:folder-status', {})).value as {
        state: string;
        message: string;
      };
      expect(status).toMatchObject({ state: 'untrusted', folder: null });
      expect(status.message).toMatch(/changed outside Family Links.*manager chooses the folder again/);
      const filed = (await dispatch('contact-form:file', { form, signer, caseFile: place })).value as {
        outcome: string;
        pdf: { bytes: string };
        caseFile: { outcome: string; code: string; message: string };
      };
      expect(filed.outcome).toBe('signed');
      expect(filed.caseFile).toMatchObject({ outcome: 'queued', code: 'folder-not-set' });
      expect(filed.caseFile.message).toMatch(/changed outside Family Links.*tried again/);
      expect((await dispatch('case-file:write', { bytes: filed.pdf.bytes, place })).value).toMatchObject({
        outcome: 'queued',
        code: 'folder-not-set',
      });
      expect(await readdir(elsewhere)).toEqual([]);
    }
    expect(await readdir(folders.caseFile)).toEqual([]);
    // The manager choosing the folder again is what puts it right.
    expect(await chooseCaseFileFolder()).toMatchObject({
      outcome: 'chosen',
      status: { state: 'reachable', folder: folders.caseFile },
    });
  });

  it('says the folder cannot be reached when its path runs through a file', async () => {
    const base = join(root, randomBytes(4).toString('hex'));
    await mkdir(base, { recursive: true });
    await writeFile(join(base, 'a-file'), 'not a folder');
    const { chooseCaseFileFolder, dispatch } = setUp({
      chooseFolder: () => Promise.resolve(join(base, 'a-file', 'case-file')),
      chooseSavePath: () => Promise.resolve(undefined),
    });
    expect(await chooseCaseFileFolder()).toMatchObject({
      outcome: 'chosen',
      status: { state: 'folder-unavailable' },
    });
    const reply = (await dispatch('contact-form:file', { form, signer, caseFile: place })).value as {
      outcome: string;
      caseFile: { outcome: string; code: string };
    };
    expect(reply).toMatchObject({
      outcome: 'signed',
      caseFile: { outcome: 'queued', code: 'folder-unavailable' },
    });
  });

  it('refuses a wrong secret and a malformed form, filing nothing', async () => {
    const { dispatch } = setUp();
    expect(
      (
        await dispatch('contact-form:file', {
          form,
          signer: { ...signer, secret: secret() },
          caseFile: place,
        })
      ).value,
    ).toMatchObject({ outcome: 'refused', code: 'wrong-secret' });
    expect(
      (await dispatch('contact-form:file', { form: { ...form, kind: 'telepathy' }, signer, caseFile: place }))
        .error?.code,
    ).toBe('invalid-request');
    expect(
      (await dispatch('contact-form:file', { form: { ...form, fonts: {} }, signer, caseFile: place })).error
        ?.code,
    ).toBe('invalid-request');
    expect(
      (
        await dispatch('contact-form:file', {
          form: { ...form, drawnSignaturePng: bytesToBase64(new Uint8Array([1, 2, 3])) },
          signer,
          caseFile: place,
        })
      ).value,
    ).toMatchObject({ outcome: 'refused', code: 'invalid-content' });
    expect((await dispatch('contact-form:file', { form, caseFile: place })).error?.code).toBe(
      'invalid-request',
    );
  });
});

const report: ReportContent = {
  homeName: 'Oakfield House',
  title: 'Staff declarations: Siobhán O’Neill',
  subtitle: 'For the staff file',
  reference: 'Declarations · S. O’Neill',
  footer: 'Confidential: staff file',
  sections: [
    { heading: 'Summary', blocks: [{ kind: 'fields', rows: [{ label: 'Declarations', value: '2' }] }] },
    {
      heading: 'All declarations',
      blocks: [
        {
          kind: 'table',
          columns: ['When', 'Kind', 'Review'],
          rows: [
            ['1 Nov 2026', 'Gift offered', 'Noted'],
            ['3 Nov 2026', 'Contact with a former care leaver', 'Waiting'],
          ],
        },
        { kind: 'paragraph', text: 'End of list.' },
      ],
    },
  ],
  signedBy: { name: 'Siobhán O’Neill', role: 'Care staff' },
  signedAt: '2026-11-23T10:00:00.000Z',
};

/** The main process asked to sign the declarations report (or it changed) and save it as declarations.pdf: its reply. */
async function signDeclarations(
  dispatch: ReturnType<typeof setUp>['dispatch'],
  changes: { report?: typeof report; signer?: typeof signer } = {},
) {
  return (
    await dispatch('documents:sign-report', {
      report,
      signer,
      suggestedFileName: 'declarations.pdf',
      reason: 'r',
      ...changes,
    })
  ).value;
}

describe('documents:sign-report', { timeout: 60_000 }, () => {
  it('signs the report and saves it where the save dialog says', async () => {
    const { dispatch, folders } = setUp();
    const reply = (
      await dispatch('documents:sign-report', {
        report,
        signer,
        suggestedFileName: 'declarations.pdf',
        reason: 'Declarations for the staff file',
      })
    ).value as { outcome: string; path: string; sha256: string };
    expect(reply).toMatchObject({
      outcome: 'saved',
      path: join(folders.saved, 'declarations.pdf'),
      fileName: 'declarations.pdf',
      signerName: 'Siobhán O’Neill',
    });
    const bytes = await readFile(reply.path);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(reply.sha256);
    expect(await pdfsigOutput(bytes)).toContain('Signature is Valid');
  });

  it('writes nothing when the person cancels, and refuses a wrong secret or a ragged table', async () => {
    const { dispatch } = setUp({
      chooseFolder: () => Promise.resolve(undefined),
      chooseSavePath: () => Promise.resolve(undefined),
    });
    expect(await signDeclarations(dispatch)).toEqual({ outcome: 'cancelled' });
    expect(await signDeclarations(dispatch, { signer: { ...signer, secret: secret() } })).toMatchObject({
      outcome: 'refused',
      code: 'wrong-secret',
    });
    const ragged = {
      ...report,
      sections: [{ heading: 'T', blocks: [{ kind: 'table', columns: ['A', 'B'], rows: [['only one']] }] }],
    };
    expect(
      (
        await dispatch('documents:sign-report', {
          report: ragged,
          signer,
          suggestedFileName: 'x.pdf',
          reason: 'r',
        })
      ).error?.code,
    ).toBe('invalid-request');
    expect(
      (await dispatch('documents:sign-report', { report, signer, suggestedFileName: 'x.exe', reason: 'r' }))
        .error?.code,
    ).toBe('invalid-request');
  });
});

describe('when a signature is made, and with which certificate', { timeout: 60_000 }, () => {
  /** The signature dictionary's /M, as YYYYMMDDhhmmss. */
  const signingTimeIn = (base64: string) =>
    /\/M \(D:(\d{14})/.exec(Buffer.from(base64ToBytes(base64)).toString('latin1'))?.[1];

  it('takes the signing time from the main process’s clock, not from the page', async () => {
    const { dispatch } = setUp();
    const reply = (
      await dispatch('contact-form:file', {
        form: { ...form, filedAt: '2026-11-23T09:57:00.000Z' },
        signer,
        caseFile: place,
      })
    ).value as { outcome: string; pdf: { bytes: string } };
    expect(reply.outcome).toBe('signed');
    expect(signingTimeIn(reply.pdf.bytes)).toBe('20261123100000');
  });

  it('refuses a form or report that says it was signed days ago (or ahead), signing nothing', async () => {
    const { chooseCaseFileFolder, dispatch, folders } = setUp();
    await chooseCaseFileFolder();
    for (const filedAt of ['2026-11-20T10:00:00.000Z', '2026-11-23T10:11:00.000Z']) {
      expect(
        (await dispatch('contact-form:file', { form: { ...form, filedAt }, signer, caseFile: place })).value,
      ).toMatchObject({ outcome: 'refused', code: 'clock-mismatch' });
    }
    expect(await readdir(folders.caseFile)).toEqual([]);
    expect(
      await signDeclarations(dispatch, { report: { ...report, signedAt: '2026-11-01T10:00:00.000Z' } }),
    ).toMatchObject({ outcome: 'refused', code: 'clock-mismatch' });
  });

  it('refuses to sign with an expired certificate, and says how to renew it', async () => {
    const later = '2032-01-05T10:00:00.000Z';
    const { dispatch } = setUp(undefined, later);
    const reply = (
      await dispatch('contact-form:file', { form: { ...form, filedAt: later }, signer, caseFile: place })
    ).value as { outcome: string; code: string; message: string };
    expect(reply).toMatchObject({ outcome: 'refused', code: 'certificate-expired' });
    expect(reply.message).toMatch(/expired on \d{1,2} \w+ 2031.*Renew certificate/);
    expect(await signDeclarations(dispatch, { report: { ...report, signedAt: later } })).toMatchObject({
      outcome: 'refused',
      code: 'certificate-expired',
    });
  });

  it('refuses to sign with a certificate not valid yet (a clock set back)', async () => {
    const earlier = '2026-11-20T10:00:00.000Z';
    const { dispatch } = setUp(undefined, earlier);
    expect(
      (await dispatch('contact-form:file', { form: { ...form, filedAt: earlier }, signer, caseFile: place }))
        .value,
    ).toMatchObject({ outcome: 'refused', code: 'certificate-not-yet-valid' });
  });
});

describe('bulk export', { timeout: 60_000 }, () => {
  it('gives two exports racing for one name a name each, never one over the other', async () => {
    const { dispatch, folders } = setUp();
    const chosen = (await dispatch('documents:choose-export-folder', { title: 'Export forms' })).value as {
      exportId: string;
    };
    const contents = ['%PDF first', '%PDF second'];
    const replies = await Promise.all(
      contents.map(
        async (text) =>
          (
            await dispatch('documents:export-file', {
              exportId: chosen.exportId,
              fileName: 'CF-2026-000001.pdf',
              bytes: bytesToBase64(new TextEncoder().encode(text)),
            })
          ).value as { outcome: string; fileName: string },
      ),
    );
    expect(replies.map((reply) => reply.fileName).sort()).toEqual([
      'CF-2026-000001-2.pdf',
      'CF-2026-000001.pdf',
    ]);
    for (const [index, reply] of replies.entries())
      expect(await readFile(join(folders.exports, reply.fileName), 'utf8')).toBe(contents[index]);
  });

  it('writes each file inside the chosen folder, never overwriting, and only for a folder the person chose', async () => {
    const { dispatch, folders } = setUp();
    const bytes = bytesToBase64(new TextEncoder().encode('%PDF one'));
    expect(
      (
        await dispatch('documents:export-file', {
          exportId: '00000000-0000-4000-8000-000000000000',
          fileName: 'a.pdf',
          bytes,
        })
      ).value,
    ).toMatchObject({ outcome: 'failed', code: 'unknown-export' });
    const chosen = (await dispatch('documents:choose-export-folder', { title: 'Export forms' })).value as {
      exportId: string;
      folder: string;
    };
    expect(chosen.folder).toBe(folders.exports);
    expect(
      (
        await dispatch('documents:export-file', {
          exportId: chosen.exportId,
          fileName: '../../escape.pdf',
          bytes,
        })
      ).value,
    ).toMatchObject({ outcome: 'failed', code: 'unsafe-name' });
    expect(await readdir(folders.exports)).toEqual([]);
    expect(
      (await dispatch('documents:export-file', { exportId: chosen.exportId, fileName: 'escape.pdf', bytes }))
        .value,
    ).toMatchObject({ outcome: 'written', fileName: 'escape.pdf' });
    expect(
      (await dispatch('documents:export-file', { exportId: chosen.exportId, fileName: 'escape.pdf', bytes }))
        .value,
    ).toMatchObject({ outcome: 'written', fileName: 'escape.pdf' });
    const other = bytesToBase64(new TextEncoder().encode('%PDF two'));
    expect(
      (
        await dispatch('documents:export-file', {
          exportId: chosen.exportId,
          fileName: 'escape.pdf',
          bytes: other,
        })
      ).value,
    ).toMatchObject({ outcome: 'written', fileName: 'escape-2.pdf' });
    expect((await readdir(folders.exports)).sort()).toEqual(['escape-2.pdf', 'escape.pdf']);
    expect(
      (await dispatch('documents:export-file', { exportId: 'not-a-uuid', fileName: 'a.pdf', bytes })).error
        ?.code,
    ).toBe('invalid-request');
  });
});
