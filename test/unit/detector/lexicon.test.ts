import { describe, expect, it } from 'vitest';
import { LEXICON, LEXICON_BY_KEY } from '../../../main/skills/detector/lexicon.ts';
import { LIFE_DOMAINS } from '../../../main/skills/detector/life-domains.ts';
import { findSubjects } from '../../../main/skills/detector/subjects.ts';
import { normalize, tokenize } from '../../../main/skills/detector/text.ts';

const subjectsIn = (text: string) => findSubjects(tokenize(normalize(text))).map((m) => m.entry.key);

describe('lexicon of trackable subjects', () => {
  it('covers about forty everyday subjects, each with a unique key and a known life domain', () => {
    expect(LEXICON.length).toBeGreaterThanOrEqual(40);
    expect(LEXICON_BY_KEY.size).toBe(LEXICON.length);
    const domains = new Set(LIFE_DOMAINS.map((d) => d.key));
    for (const entry of LEXICON) expect(domains, entry.key).toContain(entry.domain);
  });

  it('never gives one word form to two subjects, so a match is never ambiguous', () => {
    const owner = new Map<string, string>();
    for (const entry of LEXICON) {
      for (const form of [...entry.pl.forms, ...entry.en.forms]) {
        const previous = owner.get(form);
        expect(previous === undefined || previous === entry.key, `“${form}” is in ${previous} and ${entry.key}`).toBe(true);
        owner.set(form, entry.key);
      }
    }
  });

  it('recognises every listed form, including the lemma and the locative used in titles', () => {
    for (const entry of LEXICON) {
      for (const form of [entry.pl.lemma, entry.pl.locative, ...entry.pl.forms, ...entry.en.forms]) {
        expect(subjectsIn(form), `${entry.key}: “${form}”`).toEqual([entry.key]);
      }
    }
  });

  it('every life domain proposes a subject that exists', () => {
    for (const domain of LIFE_DOMAINS) expect(LEXICON_BY_KEY.has(domain.suggest), domain.key).toBe(true);
  });

  it.each([
    ['kawa', 'coffee'], ['kawy', 'coffee'], ['kawie', 'coffee'], ['kawę', 'coffee'], ['kawą', 'coffee'], ['kawo', 'coffee'],
    ['kawka', 'coffee'], ['kawusia', 'coffee'], ['kawusię', 'coffee'],
    ['woda', 'water'], ['wody', 'water'], ['wodzie', 'water'], ['wodę', 'water'], ['wodą', 'water'],
    ['herbata', 'tea'], ['herbacie', 'tea'], ['herbatkę', 'tea'],
    ['sen', 'sleep'], ['snu', 'sleep'], ['śnie', 'sleep'], ['spałam', 'sleep'],
    ['coffee', 'coffee'], ['coffees', 'coffee'], ['walk', 'walking'], ['walks', 'walking'],
    ['cigarette', 'cigarettes'], ['cigarettes', 'cigarettes'], ['Kawę', 'coffee'], ['KAWY', 'coffee'],
  ])('%s → %s', (word, key) => {
    expect(subjectsIn(word)).toEqual([key]);
  });

  it('does not take look-alike words for a subject', () => {
    expect(subjectsIn('Opowiedział świetny kawał, siedzieliśmy w kawiarni przy Kawasaki')).toEqual([]);
    expect(subjectsIn('To nie twoja wina')).toEqual([]);
    expect(subjectsIn('Mamy dziś wolne')).toEqual([]);
  });

  it('prefers the longer phrase: watering the plants is about plants, not drinking water', () => {
    expect(subjectsIn('I need to water the plants')).toEqual(['plants']);
    expect(subjectsIn('Wypiłam kieliszek wina')).toEqual(['wine']);
  });
});
