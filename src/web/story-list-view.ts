import type { StorySummary } from '../store/types.js';
import type { Comparison } from '../types.js';
import { formatDate, shortOutlet } from './view-format.js';

// ── Story picker, home page and API shapes ──────────────────────────────────

export interface PickerOption {
  value: string;
  label: string;
  selected: boolean;
}

/** The options of the left/right selects: each article's latest version, then its older versions. */
export function pickerOptions(story: StorySummary, selected: string): PickerOption[] {
  const options: PickerOption[] = [];
  for (const record of story.articles) {
    const count = record.versions.length;
    if (count === 0) continue;
    // "The Straits Times (AFP), Wed 19 Feb 2025"; "Yonhap (via …)" with agency Yonhap → "Yonhap, Fri 21 Feb 2025".
    const short = shortOutlet(record.outlet, record.slug);
    const agency = record.agency && record.agency !== short ? ` (${record.agency})` : '';
    const date = record.published ? `, ${formatDate(record.published)}` : '';
    const name = `${short}${agency}${date}`;
    options.push({
      value: record.slug,
      label: count > 1 ? `${name}, latest version (${count})` : name,
      selected: selected === record.slug,
    });
    for (const v of [...record.versions].reverse().slice(1)) {
      const value = `${record.slug}@${v.number}`;
      options.push({
        value,
        label: `${name}, version ${v.number} of ${count}`,
        selected: selected === value,
      });
    }
  }
  return options;
}

export interface HomeStoryView {
  slug: string;
  title: string;
  outlets: { outlet: string; agency: string | null; publishedLabel: string | null }[];
  summaryLine: string | null;
}

export function homeStoryView(story: StorySummary, comparison: Comparison | null): HomeStoryView {
  return {
    slug: story.slug,
    title: story.title,
    outlets: story.articles
      .filter((a) => a.versions.length > 0)
      .map((a) => ({ outlet: a.outlet, agency: a.agency, publishedLabel: formatDate(a.published) })),
    summaryLine: comparison ? buildSummaryLine(comparison) : null,
  };
}

/** "7 agree · 3 differ · 9 only in The Straits Times · 8 only in Yonhap" */
export function buildSummaryLine(comparison: Comparison): string {
  const left = shortOutlet(comparison.left.outlet, 'left');
  const right = shortOutlet(comparison.right.outlet, 'right');
  const { agree, differ, leftOnly, rightOnly } = comparison.summary;
  return `${agree} agree · ${differ} differ · ${leftOnly} only in ${left} · ${rightOnly} only in ${right}`;
}
