/** Combining two versions of a note that were written at the same time: both texts are kept. */

/** Theirs, then the lines of mine that theirs does not have yet (in my order). */
export function combine(theirs: string, mine: string): string {
  if (!theirs.trim()) return mine;
  if (!mine.trim() || theirs.includes(mine)) return theirs;
  if (mine.includes(theirs)) return mine;
  const known = new Set(theirs.split("\n").map((line) => line.trim()).filter(Boolean));
  const added = mine.split("\n").filter((line) => !line.trim() || !known.has(line.trim()));
  const extra = added.join("\n").trim();
  return extra ? `${theirs.replace(/\s+$/, "")}\n\n${extra}` : theirs;
}
