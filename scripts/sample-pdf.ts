import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { makeSignedSample } from './sample-contact-form';

/**
 * `npm run sample:pdf -- <out.pdf> [ca.pem]`: writes a signed sample contact form from the fixture
 * home, so anyone can check the layout and the signature with outside tools (pdfsig, qpdf, a PDF
 * reader). The throwaway CA's certificate goes to the second path if given, to trust it in pdfsig.
 */
const [outPath, caPath] = process.argv.slice(2);
if (!outPath) {
  console.error('Usage: npm run sample:pdf -- <out.pdf> [ca.pem]');
  process.exit(2);
}
const sample = await makeSignedSample();
await writeFile(resolve(outPath), sample.bytes);
if (caPath) await writeFile(resolve(caPath), sample.caCertificatePem);
console.log(
  `Wrote ${resolve(outPath)}: contact form ${sample.input.reference}, signed by ${sample.signerName}, SHA-256 ${sample.sha256}`,
);
