/** Largest edit distance at which an unknown name still gets a did-you-mean suggestion. */
const MAX_SUGGESTION_DISTANCE = 2;

/**
 * Returns the Levenshtein distance between two strings: the fewest
 * insertions, deletions and substitutions of code points that turn one into
 * the other.
 */
export function editDistance(from: string, to: string): number {
  const source = Array.from(from);
  const target = Array.from(to);
  // previousRow[j] is the distance between the source prefix handled so far and target.slice(0, j).
  let previousRow = Array.from({ length: target.length + 1 }, (_, index) => index);

  for (const [sourceIndex, sourceChar] of source.entries()) {
    const row = [sourceIndex + 1];

    for (const [targetIndex, targetChar] of target.entries()) {
      const substitution = (previousRow[targetIndex] ?? 0) + (sourceChar === targetChar ? 0 : 1);
      const deletion = (previousRow[targetIndex + 1] ?? 0) + 1;
      const insertion = (row[targetIndex] ?? 0) + 1;
      row.push(Math.min(substitution, deletion, insertion));
    }

    previousRow = row;
  }

  return previousRow[target.length] ?? 0;
}

/**
 * Returns the one candidate within edit distance 2 of `input` that is closer
 * than every other candidate, or `undefined` when none is close or two tie.
 */
export function closestMatch(input: string, candidates: readonly string[]): string | undefined {
  const close = candidates
    .map((candidate) => ({ candidate, distance: editDistance(input, candidate) }))
    .filter(({ distance }) => distance <= MAX_SUGGESTION_DISTANCE);
  const best = Math.min(...close.map(({ distance }) => distance));
  const bestMatches = close.filter(({ distance }) => distance === best);

  return bestMatches.length === 1 ? bestMatches[0]?.candidate : undefined;
}

/** Formats the did-you-mean line for `input`, or returns '' when no candidate is close. */
export function formatSuggestion(input: string, candidates: readonly string[]): string {
  const match = closestMatch(input, candidates);

  return match === undefined ? '' : `\nDid you mean '${match}'?`;
}
