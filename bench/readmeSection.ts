/** Replaces the text between two marker lines, keeping the markers; everything else is untouched. */
export function replaceBetweenMarkers(text: string, start: string, end: string, body: string): string {
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (i < 0 || j < 0 || j < i) throw new Error(`markers ${start} ... ${end} not found in order`);
  if (text.indexOf(start, i + start.length) >= 0 || text.indexOf(end, j + end.length) >= 0)
    throw new Error(`markers ${start} ... ${end} appear more than once`);
  return `${text.slice(0, i + start.length)}\n${body.trim()}\n${text.slice(j)}`;
}
