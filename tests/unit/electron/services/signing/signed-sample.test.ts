import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSignedSample, type SignedSample } from '../../../../../scripts/sample-contact-form';

/**
 * The signed sample checked with outside tools, as a reader of the case file would: poppler's
 * pdfsig and qpdf. pdfsig exits 0 whether or not the signature is valid, so its output is read.
 */

function run(tool: string, args: readonly string[]): { status: number | null; output: string } {
  const result = spawnSync(tool, args, { encoding: 'utf8' });
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ENOENT') {
    const source = tool === 'qpdf' ? 'qpdf' : tool === 'certutil' ? 'libnss3-tools' : 'poppler-utils';
    throw new Error(
      `${tool} is not installed: install ${source} (apt-get install -y ${source}); .ci/run installs it`,
    );
  }
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

let folder: string;
let sample: SignedSample;
let samplePath: string;
let nssDir: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'family-links-signing-'));
  sample = await makeSignedSample();
  samplePath = join(folder, 'sample.pdf');
  await writeFile(samplePath, sample.bytes);
  // Trust the sample's home CA, and only it, in a throwaway NSS database.
  nssDir = join(folder, 'nss');
  await writeFile(join(folder, 'ca.pem'), sample.caCertificatePem);
  run('mkdir', ['-p', nssDir]);
  expect(run('certutil', ['-N', '-d', `sql:${nssDir}`, '--empty-password']).status).toBe(0);
  expect(
    run('certutil', [
      '-A',
      '-d',
      `sql:${nssDir}`,
      '-n',
      'home-ca',
      '-t',
      'CT,C,C',
      '-i',
      join(folder, 'ca.pem'),
    ]).status,
  ).toBe(0);
}, 30_000);

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('a signed contact form, checked with pdfsig and qpdf', () => {
  it('has a valid signature over the whole document, naming the signer', () => {
    const { output } = run('pdfsig', [samplePath]);
    expect(output).toContain('Signature is Valid.');
    expect(output).toContain('Total document signed');
    expect(output).toContain(`Signer Certificate Common Name: ${sample.input.author.name}`);
    expect(output).toContain(`O=${sample.homeName}`);
    expect(output).toContain('Signature Type: ETSI.CAdES.detached');
    expect(output).toContain('Signing Hash Algorithm: SHA-256');
  });

  it('is trusted once the home’s certificate authority is trusted', () => {
    const { output } = run('pdfsig', ['-nssdir', `sql:${nssDir}`, samplePath]);
    expect(output).toContain('Signature is Valid.');
    expect(output).toContain('Certificate is Trusted.');
  });

  it('passes qpdf --check with no errors or warnings', () => {
    const { status, output } = run('qpdf', ['--check', samplePath]);
    expect(output).toContain('No syntax or stream encoding errors found');
    expect(output).not.toMatch(/WARNING|error:/i);
    expect(status).toBe(0);
  });

  it('shows tampering when one byte inside the signed range changes', async () => {
    const tampered = Buffer.from(sample.bytes);
    // A byte a little way into the first stream: inside the first signed range, and the file
    // still parses, so pdfsig gets as far as checking the digest.
    const signedUpTo = Number(/\/ByteRange \[0 (\d+)/.exec(tampered.toString('latin1'))?.[1]);
    const at = tampered.indexOf('stream\n') + 'stream\n'.length + 10;
    expect(at).toBeGreaterThan(10);
    expect(at).toBeLessThan(signedUpTo);
    tampered[at] = (tampered[at] ?? 0) ^ 0x01;
    const path = join(folder, 'tampered.pdf');
    await writeFile(path, tampered);
    const { output } = run('pdfsig', [path]);
    expect(output).not.toContain('Signature is Valid.');
    expect(output).toMatch(/Digest Mismatch|Signature is Invalid/);
  });

  it('reports appended bytes as a document no longer wholly signed', async () => {
    const path = join(folder, 'appended.pdf');
    await writeFile(
      path,
      Buffer.concat([Buffer.from(sample.bytes), Buffer.from('\n% appended after signing\n')]),
    );
    const { output } = run('pdfsig', [path]);
    expect(output).not.toContain('Total document signed');
  });

  it('does not trust a signer whose certificate comes from another home’s authority', async () => {
    const other = await makeSignedSample({ homeNameForCa: 'Another Home' });
    const path = join(folder, 'other-ca.pdf');
    await writeFile(path, other.bytes);
    const { output } = run('pdfsig', ['-nssdir', `sql:${nssDir}`, path]);
    expect(output).toContain('Signature is Valid.');
    expect(output).not.toContain('Certificate is Trusted.');
    expect(output).toMatch(/issuer isn't Trusted|Unknown issue/);
  }, 30_000);
});

describe('the signature inside', () => {
  const derOf = (hex: string) => Buffer.from(hex, 'hex');
  const signatureOf = (pdf: Uint8Array): Buffer => {
    const text = Buffer.from(pdf).toString('latin1');
    const match = /\/Contents <([0-9a-f]+)>/.exec(text);
    if (!match?.[1]) throw new Error('No signature contents in the PDF');
    return Buffer.from(match[1], 'hex');
  };

  it('carries signing-certificate-v2 and no signing-time attribute (PAdES baseline B-B)', () => {
    const cms = signatureOf(sample.bytes);
    expect(cms.includes(derOf('060b2a864886f70d010910022f'))).toBe(true); // id-aa-signingCertificateV2
    expect(cms.includes(derOf('06092a864886f70d010905'))).toBe(false); // signingTime
    expect(Buffer.from(sample.bytes).toString('latin1')).toMatch(/\/M \(D:\d{14}/);
  });
});
