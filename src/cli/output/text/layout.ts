import wrapAnsi from 'wrap-ansi';

/** Narrowest width text is wrapped to, however narrow the terminal says it is. */
export const MIN_WIDTH = 40;

/** Lines of `text` wrapped to `width` columns (wide characters count double; long words break). */
export function wrap(text: string, width: number): string[] {
  return wrapAnsi(text, width, { hard: true, trim: true }).split('\n');
}

/**
 * `text` wrapped with `marker` before its first line and the continuation lines indented to
 * match, so a bullet or a number stands out: "  • If monthly spend were…\n    AWS Trainium…".
 */
export function hanging(marker: string, text: string, width: number): string[] {
  const pad = ' '.repeat(marker.length);
  return wrap(text, width - marker.length).map((line, i) => `${i === 0 ? marker : pad}${line}`);
}

/** A titled block with a blank line before it; nothing when it has no lines. */
export function section(title: string, lines: readonly string[]): string[] {
  return lines.length === 0 ? [] : ['', title, ...lines];
}
