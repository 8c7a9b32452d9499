import { describe, expect, it } from 'vitest';
import { readRequestText } from '../src/request-text.ts';

describe('readRequestText', () => {
  it.each([
    ['Additional Physical Therapy 2 times 4', { frequencyPerWeek: 2, weeks: 4, visits: 8 }],
    ['PT 2x4', { frequencyPerWeek: 2, weeks: 4, visits: 8 }],
    ['chiropractic 3x/week x 4 weeks', { frequencyPerWeek: 3, weeks: 4, visits: 12 }],
    ['acupuncture 3 times per week for 2 weeks', { frequencyPerWeek: 3, weeks: 2, visits: 6 }],
    ['aquatic therapy 2 x 6 wks', { frequencyPerWeek: 2, weeks: 6, visits: 12 }],
    ['massage twice a week for 3 weeks', { frequencyPerWeek: 2, weeks: 3, visits: 6 }],
    ['12 sessions of physical therapy', { visits: 12 }],
    ['six visits of acupuncture', { visits: 6 }],
    ['Physical therapy, 8 additional sessions', { visits: 8 }],
    ['Physical therapy x6', { visits: 6 }],
    ['acupuncture x 4', { visits: 4 }],
    ['chiropractic x 4 weeks', {}],
    ['Continue physical therapy', {}],
    ['', {}],
  ])('%s', (text, expected) => {
    expect(readRequestText(text)).toEqual(expected);
  });
});
