import { describe, expect, it } from 'vitest';
import type { Line } from '../../src/ingest/boilerplate.js';
import { continues, reflowLines } from '../../src/ingest/reflow.js';

const body = (...texts: string[]): Line[] => texts.map((text) => ({ text, role: 'body' }));
const reflow = (...texts: string[]) => reflowLines(body(...texts)).map((p) => p.text);

describe('reflowLines', () => {
  it('re-joins the Straits Times sentence broken across three blank-line paragraphs', () => {
    expect(
      reflow(
        '“When I finally entered the battle, it was truly brutal... I had never seen people die before,” Ri told the daily.',
        'Asked whether North Korean soldiers had received',
        'orders to kill themselves instead of being captured',
        'as Western intelligence had reported, Ri said: “In our People’s Army, being captured is akin to desertion.”',
      ),
    ).toEqual([
      '“When I finally entered the battle, it was truly brutal... I had never seen people die before,” Ri told the daily.',
      'Asked whether North Korean soldiers had received orders to kill themselves instead of being captured as Western intelligence had reported, Ri said: “In our People’s Army, being captured is akin to desertion.”',
    ]);
  });

  it('re-joins "Seoul estimated last week that" / "North Korea has given Moscow" / "“some 11,000 troops…"', () => {
    expect(
      reflow(
        'Neither Moscow nor Pyongyang have confirmed the deployment.',
        'Seoul estimated last week that',
        'North Korea has given Moscow',
        '“some 11,000 troops, missiles, 200 pieces of long-range artillery and a substantial amount of ammunition” to aid in its fight against Ukraine.',
      ),
    ).toEqual([
      'Neither Moscow nor Pyongyang have confirmed the deployment.',
      'Seoul estimated last week that North Korea has given Moscow “some 11,000 troops, missiles, 200 pieces of long-range artillery and a substantial amount of ammunition” to aid in its fight against Ukraine.',
    ]);
  });

  it('does not join real paragraphs, subheads or a label before a quotation', () => {
    const paragraphs = [
      'The interview also featured a rifleman named Baek.',
      'Launch comes ahead of trilateral military drill',
      'Pyongyang has tested solid-fuel rockets since 2019.',
      'Background:',
      'The council met on Monday.',
    ];
    expect(reflow(...paragraphs)).toEqual(paragraphs);
  });

  it('never joins a caption to the body', () => {
    const lines: Line[] = [
      { text: 'Workers paint the bridge, which', role: 'caption' },
      { text: 'opened in 1990.', role: 'body' },
    ];
    expect(reflowLines(lines).map((p) => p.role)).toEqual(['caption', 'body']);
  });

  it('drops list markers, which are layout', () => {
    expect(reflow('- A gang of thieves carried out the heist on Sunday.')).toEqual([
      'A gang of thieves carried out the heist on Sunday.',
    ]);
  });
});

describe('continues', () => {
  it.each([
    ['Seoul estimated last week that', 'North Korea has given Moscow', true],
    ['Asked whether North Korean soldiers had received', 'orders to kill themselves', true],
    ['The minister, speaking in Seoul,', 'Kim said nothing.', true],
    ['North Korea has given Moscow', '“some 11,000 troops…', true],
    ['Neither Moscow nor Pyongyang have confirmed the deployment.', 'Seoul estimated', false],
    ['Interrogation process', 'Captured soldiers were questioned.', false],
    ['Ri said:', '“In our army…”', false],
  ])('%s / %s → %s', (previous, next, expected) => {
    expect(continues(previous, next)).toBe(expected);
  });
});
