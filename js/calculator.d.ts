// Types of <spd-score-calculator> (`import 'spd-score/calculator'`), the
// calculator as a custom element. Unlike the library's types these need the
// DOM library: the element is for pages.
import type { Report } from '../index.js';

/** A file the host already has: a `File` (or `Blob` with a name), or its bytes. */
export type CalculatorFile = Blob | { name: string; bytes: Uint8Array | ArrayBuffer };

export class SpdScoreCalculator extends HTMLElement {
  static observedAttributes: string[];
  /** The report shown, or null before any file. */
  readonly report: Report | null;
  /**
   * Scores files (they join those already added); resolves to the report.
   * Rejects with the reason, also shown in the element, when the scoring
   * worker cannot start or a file cannot be scored.
   */
  scoreFiles(files: Iterable<CalculatorFile> | ArrayLike<CalculatorFile>): Promise<Report>;
  /** Forgets every file. */
  reset(): Promise<void>;
}

export interface SpdScoreCalculatorEventMap {
  /** The report, after each scoring (bubbles, composed). */
  'spd-score:report': CustomEvent<Report>;
  /** Something went wrong: the message is also shown in the element. */
  'spd-score:error': CustomEvent<{ message: string }>;
}

declare global {
  interface HTMLElementTagNameMap {
    'spd-score-calculator': SpdScoreCalculator;
  }
  interface HTMLElementEventMap extends SpdScoreCalculatorEventMap {}
}
