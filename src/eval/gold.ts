import { z } from 'zod';

/** One gold sentence, as `../shared/eval/README.md` defines the format. */
export const goldEvent = z.object({
  source: z.string(),
  target: z.string(),
  code: z
    .string()
    .regex(/^\d{2,4}$/)
    .optional(),
  plover: z.string().optional(),
});

export const goldSentence = z.object({
  id: z.string(),
  /** Not always a YYYY-MM-DD in the wild; `readGold` nulls what is not a real date. */
  date: z.string().nullable(),
  text: z.string().min(1),
  noevents: z.boolean().default(false),
  events: z.array(goldEvent).default([]),
});

export type GoldEvent = z.infer<typeof goldEvent>;
export type GoldSentence = z.infer<typeof goldSentence>;

/** What a coder predicted for one sentence: only the fields scoring reads. */
export interface PredictedEvent {
  readonly source: string;
  readonly target: string;
  readonly code: string;
  readonly plover: string | null;
}
