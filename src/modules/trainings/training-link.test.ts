import { describe, expect, it } from 'vitest';
import { normaliseTrainingUrl, parseTrainingUrl } from './training-link.ts';

describe('training links', () => {
  it('accepts only absolute http and https addresses with a host', () => {
    expect(parseTrainingUrl('https://example.org/kurs')).not.toBeNull();
    expect(parseTrainingUrl('http://example.org')).not.toBeNull();
    for (const bad of [
      'javascript:alert(1)',
      'ftp://example.org/a',
      'example.org/kurs',
      'mailto:a@b.se',
      '',
      'https://user:pw@example.org/',
    ]) {
      expect(parseTrainingUrl(bad), bad).toBeNull();
    }
  });

  it('gives the same key to the same address however it was copied', () => {
    const key = normaliseTrainingUrl('https://example.org/kurser/demens');
    expect(key).toBe('example.org/kurser/demens');
    for (const variant of [
      'https://EXAMPLE.org/kurser/demens/',
      'http://www.example.org/kurser/demens#avsnitt-2',
      'https://example.org/kurser/demens?utm_source=nyhetsbrev&utm_medium=epost',
      'https://example.org:443/kurser/demens',
    ]) {
      expect(normaliseTrainingUrl(variant), variant).toBe(key);
    }
  });

  it('keeps what tells trainings apart: the path case and other parameters (sorted)', () => {
    expect(normaliseTrainingUrl('https://example.org/Kurs?id=2&lang=sv')).toBe('example.org/Kurs?id=2&lang=sv');
    expect(normaliseTrainingUrl('https://example.org/Kurs?lang=sv&id=2&utm_campaign=x')).toBe(
      'example.org/Kurs?id=2&lang=sv',
    );
    expect(normaliseTrainingUrl('https://example.org/kurs?id=3')).not.toBe(
      normaliseTrainingUrl('https://example.org/kurs?id=2'),
    );
  });
});
