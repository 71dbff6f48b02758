import { z } from 'zod';
import '../zod-setup';

/**
 * The request of a channel that takes nothing: an empty object and no more, so a caller that
 * sends a key the channel does not read is refused rather than ignored.
 */
export const noRequest = z.object({}).strict();
