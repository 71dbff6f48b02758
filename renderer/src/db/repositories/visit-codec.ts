import { visitSchema } from '@shared/schemas/visits';
import type { VisitPlainKey } from '../database';
import { createSealedCodec } from '../sealed-codec';

/**
 * How a visit is stored: ids, times, kind and status plain, so the calendar reads a week by the
 * `startsAt` index and the clash check never opens a sealed row; who is coming, transport and
 * notes sealed.
 */
export const visitPlainKeys = [
  'id',
  'startsAt',
  'endsAt',
  'youngPersonIds',
  'staffIds',
  'roomId',
  'status',
  'seriesId',
  'kind',
] as const satisfies readonly VisitPlainKey[];
export const visitCodec = createSealedCodec('visits', visitSchema, visitPlainKeys);
