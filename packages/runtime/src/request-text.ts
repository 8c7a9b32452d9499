// Reads the numbers of a request from its text when the case does not give them:
// "2 times 4", "2x4", "3x/week x 4 weeks", "3 times a week for 4 weeks", "12 sessions", "six visits".

export interface RequestNumbers {
  visits?: number;
  frequencyPerWeek?: number;
  weeks?: number;
}

const words: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  'twenty-four': 24, thirty: 30, once: 1, twice: 2,
};
const NUM = `(\\d{1,3}|${Object.keys(words).sort((a, b) => b.length - a.length).join('|')})`;
const num = (s: string): number => (/^\d/.test(s) ? Number(s) : words[s.toLowerCase()]!);

// frequency x weeks: "2 times 4", "2x4", "3x/week x 4 weeks", "3 times per week for 4 weeks", "2 x 6 wks"
const perWeek = `(?:\\s*(?:times|x|×)?\\s*(?:/|a|per|each)?\\s*(?:week|wk)s?)?`;
const freqWeeks = new RegExp(`\\b${NUM}\\s*(?:times|x|×)${perWeek}\\s*(?:x|×|times|for|over)?\\s*${NUM}\\s*(?:weeks?|wks?)?\\b`, 'i');
const onceTwice = new RegExp(`\\b(once|twice)\\s*(?:a|per|each)\\s*week\\s*(?:x|×|for|over)\\s*${NUM}\\s*(?:weeks?|wks?)?\\b`, 'i');
const count = new RegExp(`\\b${NUM}\\s*(?:additional\\s+|more\\s+)?(?:sessions?|visits?|treatments?)\\b`, 'i');
// "PT x6", "acupuncture x 4": a count written as a multiplier with nothing before it
const times = new RegExp(`(?:^|\\s)(?:x|×)\\s*${NUM}\\b(?!\\s*(?:weeks?|wks?|months?)\\b)`, 'i');

/** The numbers a request text states, or {} when it states none this reader knows. */
export function readRequestText(text: string): RequestNumbers {
  const t = text.slice(0, 500);
  const fw = onceTwice.exec(t) ?? freqWeeks.exec(t);
  if (fw) {
    const f = num(fw[1]!);
    const w = num(fw[2]!);
    if (f > 0 && w > 0 && f <= 7) return { frequencyPerWeek: f, weeks: w, visits: f * w };
  }
  const c = count.exec(t) ?? times.exec(t);
  if (c) return { visits: num(c[1]!) };
  return {};
}
