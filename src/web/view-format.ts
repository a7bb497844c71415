// Small formatting helpers of the student pages: dates, outlet names, article references.

import type { ResolvedArticle } from './comparison-service.js';

// ── Small formatting helpers ────────────────────────────────────────────────

/** "straits-times-afp" for the latest version, "straits-times-afp@2" for a pinned one. */
export function formatArticleRef(resolved: ResolvedArticle): string {
  return resolved.latest ? resolved.record.slug : `${resolved.record.slug}@${resolved.version.number}`;
}

export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** "2025-02-19" → "Wed 19 Feb 2025"; anything else is shown as given. */
export function formatDate(iso: string | null): string | null {
  if (iso === null) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return iso;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const month = MONTHS[m - 1];
  if (month === undefined) return iso;
  const weekday = WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
  return `${weekday} ${d} ${month} ${y}`;
}

/**
 * The outlet's name without the parenthetical that says how it reached us, for labels that repeat:
 * "Yonhap (via a Los Angeles Korean-community news site)" → "Yonhap".
 */
export function shortOutlet(outlet: string | null, fallback: string): string {
  if (outlet === null || outlet.trim() === '') return fallback;
  const short = outlet.replace(/\s*\([^)]*\)\s*$/, '').trim();
  return short === '' ? outlet : short;
}

/** "12 lines removed as page furniture". */
export function removedSummary(count: number): string {
  if (count === 0) return 'No lines removed';
  return `${count} ${count === 1 ? 'line' : 'lines'} removed as page furniture`;
}

export type RowStatus = 'agree' | 'differ' | 'left-only' | 'right-only';

/** The sign of each label, beside its word (never the colour alone). */
export const ICONS: Record<RowStatus | 'moved', string> = {
  agree: '=',
  differ: '≠',
  'left-only': '◧',
  'right-only': '◨',
  moved: '↕',
};

/** What the two outlets are called on the page. */
export interface Names {
  left: string;
  right: string;
}
