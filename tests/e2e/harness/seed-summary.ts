import { z } from 'zod';

/**
 * What the seeder hands back after loading a fixture home (tests/fixtures/browser-seed.ts): the
 * home's name, the fixture's "today", and the manager's sign-in. Parsed, so a changed seeder fails
 * here with a clear message rather than as an undefined deep in a journey.
 */
export const seedSummarySchema = z.object({
  homeName: z.string().min(1),
  endDate: z.iso.date(),
  signIn: z.object({ username: z.string(), password: z.string() }),
});
export type SeedSummary = z.infer<typeof seedSummarySchema>;

/** A calendar date `days` after `date` (both YYYY-MM-DD), counted at noon so no clock change moves it. */
export function plusDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
