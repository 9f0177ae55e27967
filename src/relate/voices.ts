import { eventVoices } from '../events/commentary.js';

/**
 * An event's voices as stored, or, for a row written before they were (0), those of its kind
 * alone: the primary's voice is the event's when nothing else is known.
 */
export const storedVoices = (kind: string | null | undefined, voices: number | null | undefined): number =>
  voices || eventVoices(kind);
