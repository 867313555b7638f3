// The check behind "no English inside Japanese messages": a run of 3 or more ASCII letters is
// English unless it is one of the tokens a Japanese message may carry.

// Quoted raw text: what the user typed, shown as typed (innermost quotes first, then outward).
const QUOTED = /「[^「」]*」/g;
const ALLOWED: readonly RegExp[] = [
  /\b[a-z]+(?:-[a-z]+)*(?:\.[a-z]+(?:-[a-z]+)*)+\b/g, // rule IDs: value.normalized, budget.plan-deviation
  /\b[A-Z]{1,3}[1-9]\d*\b/g, // cell addresses: D32, AB120
  /t-CO2/g,
  /N\/A/g,
  /Excel/g,
];

/** The English words left in a Japanese text once allowed tokens are removed (none: clean). */
export function englishIn(ja: string): string[] {
  let text = ja;
  for (let before = ""; before !== text; ) {
    before = text;
    text = text.replace(QUOTED, "");
  }
  for (const token of ALLOWED) text = text.replace(token, "");
  return text.match(/[A-Za-z]{3,}/g) ?? [];
}
