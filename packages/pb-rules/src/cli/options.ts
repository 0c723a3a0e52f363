/** What the `outcome` command takes and where it writes (shared by its definition and its body). */

export interface CliIO {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean };
}

export interface OutcomeCliOptions {
  readonly rule: string;
  readonly utility: string;
  readonly ties: string;
  readonly seed?: string;
  readonly threshold?: string;
  readonly json?: boolean;
  readonly explain?: boolean;
  readonly lang: string;
  readonly progress?: boolean;
}

/** Files from this size on show a reading progress on stderr (when it is a terminal, or with --progress). */
export const PROGRESS_MIN_BYTES = 2 * 1024 * 1024;
