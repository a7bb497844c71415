// Every limit and threshold of Parallax, with its unit and why it has that value.
// Each area owns one section; change a value only with the measurement that justifies it.

// ── Ingest ────────────────────────────────────────────────────────────────────
export const INGEST = {
  /** Bytes. Largest raw input accepted (text or HTML). A long news page is ~300 KB of HTML; 2 MB leaves room. */
  maxInputBytes: 2 * 1024 * 1024,
  /** Sentences. More than this is not an article but a dump; refusing keeps the engine's work bounded. */
  maxSentences: 5_000,
} as const;

// ── Engine ────────────────────────────────────────────────────────────────────
export const ENGINE = {} as const;

// ── Store ─────────────────────────────────────────────────────────────────────
export const STORE = {} as const;

// ── Web ───────────────────────────────────────────────────────────────────────
export const WEB = {} as const;
