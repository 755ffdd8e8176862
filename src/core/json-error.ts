/**
 * JSON.parse's message with the position turned into a line and column a person can find:
 * "Expected ',' or '}' after property value (line 3, column 5)".
 */
export function describeJsonError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(message)?.[1];
  const cleaned = message.replace(/ in JSON at position \d+.*$/, '');
  if (position === undefined) return cleaned;
  const before = text.slice(0, Number(position));
  const line = before.split('\n').length;
  const column = Number(position) - before.lastIndexOf('\n');
  return `${cleaned} (line ${line}, column ${column})`;
}
