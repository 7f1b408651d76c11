import { describe, expect, it } from 'vitest';
import type { DomainScore, RoleFit } from '../scoring/profile-types.ts';
import { bandOf, fitBars, gamesOf, strengthsFirst } from './results-view.ts';

const domain = (d: DomainScore['domain'], sten?: number): DomainScore => ({
  domain: d,
  status: sten === undefined ? 'not-measured' : 'measured',
  ...(sten === undefined ? {} : { sten }),
  metrics: [],
});

describe('results view', () => {
  it('reads stens in three plain bands', () => {
    expect([1, 3, 4, 5.5, 7, 8, 10].map(bandOf)).toEqual(['low', 'low', 'mid', 'mid', 'mid', 'high', 'high']);
  });

  it('puts at most three strengths first, best first, ties in profile order; the rest keeps its order', () => {
    const ds = [
      domain('processing-speed', 6),
      domain('inhibition', 9),
      domain('selective-attention', 4),
      domain('flexibility', 6),
      domain('working-memory', 7),
      domain('learning'),
    ];
    const { strengths, others } = strengthsFirst(ds);
    expect(strengths.map((d) => d.domain)).toEqual(['inhibition', 'working-memory', 'processing-speed']);
    expect(others.map((d) => d.domain)).toEqual(['selective-attention', 'flexibility', 'learning']);
  });

  it('has no strengths when no measured domain reaches 6', () => {
    const { strengths, others } = strengthsFirst([domain('processing-speed', 5), domain('learning')]);
    expect(strengths).toEqual([]);
    expect(others).toHaveLength(2);
  });

  it('names each game a domain rests on once, leaving out excluded metrics', () => {
    const d: DomainScore = {
      ...domain('processing-speed', 5),
      metrics: [
        { game: 'reaction', metric: 'a', weight: 1, z: 0, included: true },
        { game: 'reaction', metric: 'b', weight: 1, z: 0, included: true },
        { game: 'flanker', metric: 'c', weight: 1, z: null, included: false },
        { game: 'corsi', metric: 'd', weight: 1, z: 0, included: true },
      ],
    };
    expect(gamesOf(d)).toEqual(['reaction', 'corsi']);
  });

  it('scales the fit picture to the widest contribution and keeps the sign of one that lowers the fit', () => {
    const fit = {
      contributions: [
        { domain: 'processing-speed', importance: 1, target: { low: 5, high: 8 }, sten: 7, contribution: 40 },
        { domain: 'inhibition', importance: 1, target: { low: 6, high: 9 }, sten: 2, contribution: -10 },
        { domain: 'learning', importance: 1, target: { low: 4, high: 7 }, sten: null, contribution: 0 },
      ],
    } as RoleFit;
    expect(fitBars(fit)).toEqual([
      { domain: 'processing-speed', points: 40, share: 1, measured: true },
      { domain: 'inhibition', points: -10, share: -0.25, measured: true },
      { domain: 'learning', points: 0, share: 0, measured: false },
    ]);
  });
});
