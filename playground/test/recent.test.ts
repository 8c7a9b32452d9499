// The page's map of recent entries (recent.ts): at most its size kept, the least recently used dropped
// first, a read counting as a use, and a value dropped only while it is still the key's.
import { describe, expect, it } from 'vitest';
import { Recent } from '../src/recent.ts';

type Step = ['set', string] | ['get', string] | ['drop', string, number];

/** Plays steps on a map of size 3 (each set keeps the key's step number as its value): the keys kept, least recently used first. */
function play(steps: Step[]): string[] {
  const recent = new Recent<string, number>(3);
  steps.forEach((step, i) => {
    if (step[0] === 'set') recent.set(step[1], i);
    else if (step[0] === 'get') recent.get(step[1]);
    else recent.drop(step[1], step[2]);
  });
  return recent.keys();
}

describe('Recent', () => {
  it.each<[string, Step[], string[]]>([
    ['keeps what fits, in the order used', [['set', 'a'], ['set', 'b'], ['set', 'c']], ['a', 'b', 'c']],
    ['drops the least recently used past its size', [['set', 'a'], ['set', 'b'], ['set', 'c'], ['set', 'd']], ['b', 'c', 'd']],
    ['counts a read as a use', [['set', 'a'], ['set', 'b'], ['set', 'c'], ['get', 'a'], ['set', 'd']], ['c', 'a', 'd']],
    ['counts a write of a kept key as a use, without growing', [['set', 'a'], ['set', 'b'], ['set', 'c'], ['set', 'a'], ['set', 'd']], ['c', 'a', 'd']],
    ['a read of a key not kept changes nothing', [['set', 'a'], ['get', 'z'], ['set', 'b']], ['a', 'b']],
    ['drops a key\'s value while it is the one given', [['set', 'a'], ['set', 'b'], ['drop', 'a', 0]], ['b']],
    ['keeps a newer value of the key', [['set', 'a'], ['set', 'a'], ['drop', 'a', 0]], ['a']],
  ])('%s', (_, steps, kept) => {
    expect(play(steps)).toEqual(kept);
  });

  it('gives back the value kept for a key, and nothing once it is dropped', () => {
    const recent = new Recent<string, number>(1);
    recent.set('a', 1);
    expect(recent.get('a')).toBe(1);
    recent.set('b', 2);
    expect([recent.get('a'), recent.get('b')]).toEqual([undefined, 2]);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses a size of %s', (size) => {
    expect(() => new Recent<string, number>(size)).toThrow(RangeError);
  });
});
