// Every limit and threshold of Parallax, with its unit and why it has that value.
// Each area owns one section; change a value only with the measurement that justifies it.

// ── Ingest ────────────────────────────────────────────────────────────────────
export const INGEST = {
  /** Bytes. Largest raw input accepted (text or HTML). A long news page is ~300 KB of HTML; 2 MB leaves room. */
  maxInputBytes: 2 * 1024 * 1024,
  /** Elements. An HTML page with more start tags than this is refused before a DOM is built: the 181 pages of the
   * article-extraction benchmark have at most ~1,600, a heavy news page ~10,000; 100,000 empty `<p>` took 2.3 s
   * and 484 MB in linkedom + Readability. */
  maxHtmlElements: 50_000,
  /** Elements. Deepest nesting accepted (elements that nest; `<p>`, `<li>`, `<td>` and void elements do not):
   * the benchmark's pages reach 51; 40,000 nested `<b>` took 8.9 s. */
  maxHtmlDepth: 512,
  /** Sentences. More than this is not an article but a dump; refusing keeps the engine's work bounded. */
  maxSentences: 5_000,
  /** Share of characters (0–1). Above this share of C0 control characters, input is binary data, not text. */
  maxControlCharShare: 0.01,
  /** Words. A line with at least this many words that ends like a sentence is article prose (bounds head and tail). */
  minProseWords: 6,
  /** Words. A line this long is article text even when the scrape cut it before its full stop. */
  minLongLineWords: 20,
  /** Words. Above the headline and the lead, a line this short without a full stop is page furniture ("Japan Today"). */
  maxPageHeaderWords: 8,
  /** Words. A non-adjacent repeated line this long is a scraper's second copy, not a short refrain. */
  minDuplicateWords: 6,
  /** Words. A headline has at least this many: shorter lines above an article are site names and section labels. */
  minHeadlineWords: 3,
  /** Words. A headline has at most this many; a longer line without a full stop is a standfirst or a caption. */
  maxHeadlineWords: 30,
  /** Lines. A tail of at least this many unpunctuated lines is page furniture (tags, share buttons, sidebars). */
  minTailChromeLines: 3,
  /**
   * Words. A quotation with several sentences stays one sentence with its attribution up to this length (the
   * Yonhap seed's two-sentence quote is 40 words); a longer one is split at its own sentence ends.
   */
  maxQuotationWords: 80,
} as const;

// ── Engine ────────────────────────────────────────────────────────────────────
export const ENGINE = {
  /**
   * Similarity in [0, 1] (TF-IDF cosine over stems, entities, numbers, dates, plus the quote bonus) at or
   * above which two sentences are paired. Chosen on the seed gold file: its required pairs score 0.24–0.60;
   * wrong pairs score up to 0.28, but those above 0.2 lose their sentences to a better pair first. 0.18–0.22
   * give precision and recall 1; 0.25 loses a true pair, 0.15 adds two wrong ones. Checked on corpus-dev.
   */
  matchThreshold: 0.2,
  /**
   * Similarity in [0, 1] a second sentence needs with the other side's sentence to join a one-to-many pair
   * (a split sentence). Lower than matchThreshold because each half carries only part of the words.
   */
  splitPartThreshold: 0.15,
  /** Similarity gain (absolute, in [0, 1]) the joined group must add over the single pair; stops padding. */
  splitGain: 0.02,
  /** Sentences. Largest group on one side of a pair: wire copy splits a sentence into two, rarely three. */
  maxGroupSize: 3,
  /** Relative weight of features against a plain word (1): names, figures and dates identify a fact. */
  featureWeights: { entity: 1.5, number: 2, date: 1, quoteBonus: 0.15 },
  /**
   * Sentence pairs (left count × right count) up to which every pair is scored. Above it, candidates come
   * from an inverted index on each sentence's rarest terms. 250,000 ≈ 500 × 500: scored in ~0.2 s here.
   */
  exhaustivePairLimit: 250_000,
  /** Terms per sentence used to find candidates in the inverted index: the rarest ones (highest IDF). */
  candidateTerms: 8,
  /** Sentences. A term on more sentences than this on one side is too common to find candidates with. */
  maxPostings: 400,
  /**
   * Candidates per sentence scored in full, the ones sharing the most rare terms. A sentence has one or two
   * counterparts; 20 leaves room for a sentence repeated across a long page and keeps 5,000 × 5,000 at
   * ~200,000 cosines (40 doubled the time with the same pairs found on the synthetic bench).
   */
  maxCandidates: 20,
  /**
   * Tokens. Edit budget of the word diff in one matched pair (jsdiff maxEditLength). A pair of 60-word
   * sentences needs < 150; past 400 the pair is too different for a word diff to help a reader, so the diff
   * falls back to the two sentences whole (diffTruncated). No `timeout`: a clock would make output vary.
   */
  diffMaxEditLength: 400,
  /**
   * Ratio (larger / smaller). Two figures for the same counted noun in sentences that are not paired are
   * shown as one disputed fact when they are this close: "more than 10,000 soldiers" / "around 11,000
   * troops" (1.1) is one troop count; "two soldiers" / "11,000 troops" are different facts.
   */
  numberConflictRatio: 1.5,
  /**
   * Share in [0, 1] (Jaccard) of content stems and names, figures and dates left out, at which two sentences
   * are the same sentence with another figure or date: the update a wire story gets between versions. 0.8
   * allows one changed word in a sentence of ten; no corpus-dev pair of different sentences reaches it.
   */
  sameWordingShare: 0.8,
  /**
   * Words. Sentences with fewer content stems and names than this are too short for sameWordingShare to mean
   * anything. At 3, a short sentence must repeat every word: "The minister said 3,000 troops were sent." has 3.
   */
  sameWordingMinWords: 3,
  /**
   * Similarity in [0, 1] given to a same-wording pair: above matchThreshold so it pairs, below the cosine of
   * a pair that also agrees on its figures, which keeps the better partner when a sentence has two.
   */
  sameWordingScore: 0.5,
  /** Jaro-Winkler similarity in [0, 1] above which two names are one person: Jeon Ha-gyu / Jeon Ha-kyu = 0.96. */
  nameMatch: 0.93,
  /**
   * Share in [0, 1] of a quote's words (stemmed, stop words out) that the other side's quotes must contain
   * for the two to be the same quote. 0.8 lets "KRW 20.1 trillion" match "20.1 trillion won" and a shortened
   * quote match its full form, while a translated quote ("refugee status" / "seek refuge … asylum") differs.
   */
  quoteCoverage: 0.8,
  /** Phrases listed in a detail-only reason before the rest is summarised as "…". */
  maxDetailPhrases: 6,
  /**
   * Letters. A stem this long that begins a longer stem of the two articles is taken for the same word:
   * Porter keeps "constitutionally" (constitution) apart from "Constitution" (constitut). Five letters
   * would join "offic" (official / office); six joins the seed's "constitut" pair and nothing wrong there.
   */
  minSharedStem: 6,
  /**
   * Characters. A sentence without a final full stop, at least this long, that is word for word the start
   * of the other side's sentence is that sentence cut off by a page's storage limit (corpus-dev EXCERPTs).
   * Shorter fragments ("SEOUL", subheads) start too many sentences to mean anything.
   */
  minCutOffLength: 40,
  /**
   * Characters a changed stretch of the word diff may hold besides a date for the change to count as one
   * date put for another ("on Saturday" → "on Sunday (Jan 12)"); longer rewrites that happen to hold two
   * dates ("told AFP on Sunday" / "an interview held on 28 October") date different things. 30 let that
   * corpus-dev pair through; 15 does not.
   */
  maxDateChangeSlack: 15,
  /** Quote pairs (left × right) up to which every pair is checked for the facts table: a few ms. */
  exhaustiveQuotePairs: 10_000,
  /** Quotes. Above exhaustiveQuotePairs, a word in more quotes than this is too common to find candidates with. */
  maxQuotePostings: 50,
} as const;

// ── Store ─────────────────────────────────────────────────────────────────────
export const STORE = {
  /** Milliseconds. How long a writer waits for another connection's lock before SQLITE_BUSY; uploads from
   * several processes queue behind one another, and 5 s is far above one version insert (~1 ms). */
  busyTimeoutMs: 5_000,
  /** Characters. A note is a line of context for the history page, not a document. */
  maxNoteLength: 2_000,
  /** Characters. An article's source note says where and when the page was saved, with room for a caveat. */
  maxSourceNoteLength: 4_000,
  /** Characters. Shortest password an editor may choose (NIST SP 800-63B asks for at least 8). */
  minPasswordLength: 10,
  /** Characters. Longest password accepted; bounds the work one login attempt can ask of scrypt. */
  maxPasswordLength: 1_024,
  /** scrypt cost N (power of two), block size r, parallelism p: 2^15·8·128 B = 32 MiB and ~100 ms per hash
   * here, enough to make offline guessing slow while a login stays quick on a 2-core machine. */
  scrypt: { N: 32_768, r: 8, p: 1, keyLength: 64, saltBytes: 16 },
  /** Bytes of randomness in setup links, session cookies and API tokens (256 bits: not guessable). */
  tokenBytes: 32,
  /** Milliseconds. A setup link printed by the server or `npm run editor` is valid for one hour. */
  setupTokenTtlMs: 60 * 60 * 1000,
  /** Milliseconds. On SIGINT/SIGTERM the server waits this long for requests in flight (an upload being
   * saved) before it closes their connections and the database; a request takes well under a second. */
  shutdownGraceMs: 10_000,
  /** Rows. Derived-data cache entries kept; the oldest go first. Old ingest/engine versions' keys are never
   * read again, so without a cap they pile up; a comparison is ~10–100 KB, so 5,000 rows stay under ~500 MB. */
  maxDerivedEntries: 5_000,
} as const;

// ── Web ───────────────────────────────────────────────────────────────────────
export const WEB = {
  /** Bytes. Largest JSON body of POST /api/compare: two saved news pages (~300 KB of HTML each) plus JSON escaping. */
  maxCompareBodyBytes: 1024 * 1024,
  /** Requests per client address per window on POST /api/compare: each one runs ingest + engine (~0.1–0.5 s of CPU),
   * so 20 a minute lets a class script experiments but stops one client from occupying the 2 cores. */
  compareRequestsPerWindow: 20,
  /** Milliseconds. The POST /api/compare rate-limit window. */
  compareWindowMs: 60 * 1000,
  /** Entries. Comparisons and ingested articles kept in memory per process (a seeded story pair is ~60 KB of JSON). */
  memoryCacheEntries: 500,
  /** Characters. Longest outlet name accepted by POST /api/compare. */
  maxOutletLength: 200,
  /** Fragments. Word fragments quoted in a "only X has these words" reason; the rest are highlighted in the
   * sentence anyway, and a longer list buries the reason. */
  reasonFragments: 3,
  /** Seconds. Browser cache lifetime of /public files: an hour, short enough that a deploy shows up the same day. */
  staticMaxAgeSeconds: 60 * 60,
  /** Worker threads that run ingest and comparisons (src/web/job-pool.ts), at most; never more than the cores,
   * so that the budgets below, which are wall time, stay close to CPU time. */
  maxJobWorkers: 2,
  /** Jobs. Waiting for a worker at most; one more is answered 503 at once rather than left to wait. 32 is a
   * classroom opening a story together, a few seconds of work on two workers. */
  jobQueueLength: 32,
  /** Milliseconds. Budget of a job a visitor's request starts (POST /api/compare, a pinned pair of versions): the
   * seed pair takes ~3 ms and 1,000 × 1,000 sentences ~0.3 s, so 2 s stops only pathological input. */
  visitorJobBudgetMs: 2_000,
  /** Comparisons per client address per window that have to be computed (a pair not in the cache, such as two
   * pinned versions): a class walking through a story's versions needs a few dozen; 420 pairs asked at 42/s once
   * filled the cache. Cached pages never count. */
  computedComparisonsPerWindow: 30,
  /** Milliseconds. The window of computedComparisonsPerWindow. */
  computeWindowMs: 60 * 1000,
  /** Seconds. Retry-After of the 503 answered when the job queue is full. */
  busyRetryAfterSeconds: 5,
} as const;

/** Editor pages, uploads and the editor API (src/web/auth.ts, src/web/routes/editor*.ts). */
export const WEB_EDITOR = {
  /** Bytes. Largest form field: pasted text up to the one upload limit (INGEST.maxInputBytes), and a little more so
   * that an oversize paste reaches the ingest's own "too large" message. */
  maxFieldBytes: INGEST.maxInputBytes + 1024,
  /** Bytes. Largest JSON body of the editor API: JSON escapes (\n, \", \u…) make a text longer than its bytes; the
   * text's own size is checked by the ingest after parsing. */
  maxJsonBodyBytes: 3 * INGEST.maxInputBytes,
  /** Milliseconds. Budget of an editor's job (a preview, a version change, a story's comparison after a save or a
   * start, a stored version's ingest): a 4,300-sentence version preview takes ~0.5 s, a 2 MB page ~0.6 s. */
  jobBudgetMs: 20_000,
  /** Milliseconds. An upload waits an hour between its preview and the editor's confirmation. */
  pendingUploadTtlMs: 60 * 60 * 1000,
  /** Milliseconds. A login session lasts 12 hours: a working day, then the editor logs in again. */
  sessionTtlMs: 12 * 60 * 60 * 1000,
  /** Milliseconds. The anonymous visitor id that the login form's CSRF token is bound to lasts a day. */
  visitorCookieMaxAgeMs: 24 * 60 * 60 * 1000,
  /** Failed login attempts per client address per window: 10 per 15 minutes stops password guessing
   * (~1,000 guesses a day) and leaves room for an editor who mistypes a few times. */
  loginAttemptsPerWindow: 10,
  /** Milliseconds. The login rate-limit window. */
  loginWindowMs: 15 * 60 * 1000,
  /** Characters. Longest story title, outlet, agency, URL or note accepted from a form. */
  maxFieldLength: 500,
  /** Bytes. The history page counts the change between two consecutive versions up to this size (a long article,
   * ~2,000 sentences, ~0.2 s each); longer pairs are compared only when their diff is opened, so a history of
   * many long versions still opens at once. */
  maxHistoryChangeBytes: 300_000,
  /** Entries. Comparisons of consecutive versions kept in memory for the history page's change sizes. */
  changeCacheEntries: 500,
} as const;
