// The facts panel: numbers, dates, quotes and names, grouped by kind, with what each outlet says.

import type { Fact, FactKind, FactMention, FactStatus } from '../types.js';
import { formatDate, ICONS, MONTHS, type Names } from './view-format.js';

export interface FactRowView {
  label: string;
  left: string | null;
  right: string | null;
  status: FactStatus;
  statusLabel: string;
  icon: string;
}

export interface FactGroupView {
  kind: FactKind;
  heading: string;
  /** The first column's heading: "What", "Date", "Speaker", "Name". */
  labelHeading: string;
  rows: FactRowView[];
}

const FACT_LABEL_HEADINGS: Record<FactKind, string> = {
  number: 'What',
  date: 'Date',
  quote: 'Speaker',
  entity: 'Name',
};

/**
 * Date facts are keyed by ISO values; students read them as dates:
 * "2025-01-11" → "Sat 11 Jan 2025", "2025-01" → "Jan 2025", "2025-02-10/2025-02-16" → "10–16 Feb 2025".
 */
export function formatDateLabel(label: string): string {
  const range = /^(\d{4})-(\d{2})-(\d{2})\/(\d{4})-(\d{2})-(\d{2})$/.exec(label);
  if (range) {
    const [, y1, m1, d1, y2, m2, d2] = range;
    const month1 = MONTHS[Number(m1) - 1];
    const month2 = MONTHS[Number(m2) - 1];
    if (month1 && month2) {
      return y1 === y2 && m1 === m2
        ? `${Number(d1)}–${Number(d2)} ${month2} ${y2}`
        : `${Number(d1)} ${month1} ${y1} – ${Number(d2)} ${month2} ${y2}`;
    }
  }
  const month = /^(\d{4})-(\d{2})$/.exec(label);
  if (month) {
    const name = MONTHS[Number(month[2]) - 1];
    if (name) return `${name} ${month[1]}`;
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(label)) return formatDate(label) ?? label;
  return label;
}

/** Quotes are listed by speaker, so the label keeps only the speaker: "quote (Ri)" → "Ri", "quote" → "not named". */
function factLabel(fact: Fact): string {
  if (fact.kind === 'date') return formatDateLabel(fact.label);
  if (fact.kind !== 'quote') return fact.label;
  const speaker = /^quote\s*\((.+)\)$/i.exec(fact.label.trim());
  if (speaker?.[1]) return speaker[1];
  return /^quote$/i.test(fact.label.trim()) ? 'not named' : fact.label;
}

const FACT_HEADINGS: Record<FactKind, string> = {
  number: 'Numbers',
  date: 'Dates',
  quote: 'Quotes',
  entity: 'People, places and organisations',
};

/** Each distinct wording once: "some 11,000 troops · around 11,000 troops"; quotes in quotation marks. */
function mentionsText(mentions: FactMention[], kind: FactKind): string | null {
  if (mentions.length === 0) return null;
  const texts = mentions.map((m) => {
    const text = m.text.trim().replace(/,$/, '');
    return kind === 'quote' && !/^["“‘']/.test(text) ? `“${text}”` : text;
  });
  return [...new Set(texts)].join(' · ');
}

export function factGroups(facts: Fact[], names: Names): FactGroupView[] {
  const statusLabel: Record<FactStatus, string> = {
    agree: 'Same',
    differ: 'Different',
    'left-only': `Only in ${names.left}`,
    'right-only': `Only in ${names.right}`,
  };
  const groups: FactGroupView[] = [];
  for (const kind of ['number', 'date', 'quote', 'entity'] as const) {
    const rows = facts
      .filter((f) => f.kind === kind)
      .map(
        (f): FactRowView => ({
          label: factLabel(f),
          left: mentionsText(f.left, kind),
          right: mentionsText(f.right, kind),
          status: f.status,
          statusLabel: statusLabel[f.status],
          icon: ICONS[f.status],
        }),
      );
    if (rows.length > 0) {
      groups.push({ kind, heading: FACT_HEADINGS[kind], labelHeading: FACT_LABEL_HEADINGS[kind], rows });
    }
  }
  return groups;
}
