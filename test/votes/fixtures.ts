/**
 * Ballots with chosen totals: candidate c takes the next `votes[c]`
 * deputies round the roster, so no deputy chooses a candidate twice and
 * nobody chooses more than ceil(sum / deputies).
 */
export function ballotsFor(votes: readonly number[], candidateIds: readonly number[], deputies: number): number[][] {
  const ballots: number[][] = Array.from({ length: deputies }, () => []);
  let p = 0;
  votes.forEach((v, c) => {
    for (let k = 0; k < v; k++) ballots[(p + k) % deputies].push(candidateIds[c]);
    p = (p + v) % deputies;
  });
  return ballots;
}

/**
 * 40 candidates' totals for 300 deputies choosing up to 10: a tie inside the
 * winners (4th and 5th, 220 each) and one just below them (11th and 12th,
 * 120 each). The ten with most votes are candidates 0–9.
 */
export const FORTY: readonly number[] = [
  280, 260, 240, 220, 220, 200, 180, 160, 150, 140,
  120, 120, 38, 37, 36, 35, 34, 33, 32, 31,
  30, 29, 28, 27, 26, 25, 24, 23, 22, 21,
  20, 19, 18, 17, 16, 15, 14, 13, 12, 11,
];
