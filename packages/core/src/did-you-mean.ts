/** Names longer than this get no suggestion: nobody retypes them by hand, and comparing them would cost too much. */
const MAX_LENGTH = 128

/** The candidate closest to `input` by edit distance, when it is close enough to be a likely typo. */
export function didYouMean(input: string, candidates: Iterable<string>): string | undefined {
  if (input.length > MAX_LENGTH) return undefined
  // A third of the length catches transpositions and dropped letters without suggesting unrelated names.
  const limit = Math.max(2, Math.floor(input.length / 3))
  let best: string | undefined
  let bestDistance = limit + 1
  for (const candidate of candidates) {
    // The distance is at least the difference in length: such a candidate cannot be closer than the limit.
    if (candidate.length > MAX_LENGTH || Math.abs(candidate.length - input.length) >= bestDistance) continue
    const d = editDistance(input, candidate, bestDistance - 1)
    if (d < bestDistance) {
      best = candidate
      bestDistance = d
    }
  }
  return best
}

/** Levenshtein distance, or `limit + 1` as soon as every path through a row exceeds `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!
    row[0] = i
    let rowMin = i
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1))
      diagonal = above
      if (row[j]! < rowMin) rowMin = row[j]!
    }
    if (rowMin > limit) return limit + 1
  }
  return row[b.length]!
}
