import type { Db } from '../store/db.js';
import { guideRow, listGuideRows, type Guide } from '../store/guides.js';
import { currentOverview } from './overview.js';

/**
 * Guides as readers see them: each with the overview it is shown (the model's, or one made
 * when read; see overview.ts). The store gives the rows; the overview is the domain's.
 */
export async function getGuide(db: Db, slug: string): Promise<Guide | undefined> {
  const g = await guideRow(db, slug);
  return g && withOverview(db, g);
}

/** Busiest first; `overviews: false` leaves each overview as stored (two reads a guide fewer, for lists that do not show it). */
export async function listGuides(
  db: Db,
  o: { limit?: number; offset?: number; overviews?: boolean } = {},
): Promise<Guide[]> {
  const guides = await listGuideRows(db, o);
  if (o.overviews === false) return guides;
  const out: Guide[] = [];
  for (const g of guides) out.push(await withOverview(db, g));
  return out;
}

const withOverview = async (db: Db, g: Guide): Promise<Guide> => ({ ...g, overview: await currentOverview(db, g) });
