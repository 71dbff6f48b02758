import { z } from 'zod';

/** One X.509 certificate as PEM text, as the main process writes them: nothing before or after it. */
export const certificatePemSchema = z
  .string()
  .max(16_384)
  .regex(/^-----BEGIN CERTIFICATE-----\r?\n[A-Za-z0-9+/=\r\n]+-----END CERTIFICATE-----\r?\n?$/);
