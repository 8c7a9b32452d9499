// Criterion titles put mid-sentence in a rationale: sentence case lowered, names (acronyms, inner
// capitals, words the titles capitalise mid-title) kept.
import { describe, expect, it } from 'vitest';
import { midSentence, namesIn } from '../src/decide.ts';

const library = namesIn(["Within California's 24-visit cap per injury (Labor Code 4604.5)", "The 4 A's of on-going monitoring documented", 'Work conditioning: At most 10 visits']);

describe('a title mid-sentence', () => {
  it.each([
    ['Visits within the recommended course', 'visits within the recommended course'],
    ['Monitoring for misuse documented', 'monitoring for misuse documented'],
    ['A valid FCE below an employer-verified physical demands analysis', 'a valid FCE below an employer-verified physical demands analysis'],
    ['Flare-up care limited to 1-2 visits', 'flare-up care limited to 1-2 visits'],
    ['ODG visits for the diagnosis', 'ODG visits for the diagnosis'],
    ["MRI's indication", "MRI's indication"],
    ['ODG-recommended visits', 'ODG-recommended visits'],
    ['McKenzie method first', 'McKenzie method first'],
    ["California's cap", "California's cap"],
    ['Labor Code limits', 'Labor Code limits'],
    ['At most 120 mg morphine equivalents a day', 'at most 120 mg morphine equivalents a day'],
    ['4 visits a week', '4 visits a week'],
    ['"Red flags" ruled out', '"red flags" ruled out'],
  ])('%s', (title, expected) => {
    expect(midSentence(title, library)).toBe(expected);
  });
});
