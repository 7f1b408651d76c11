/** Reliability figures the games' domain contributions cite (their source travels with the number into the algorithm card). */
import type { Reliability } from '../../src/runtime/game-contract.ts';

const ENKAVI = 'Enkavi et al. (2019), PNAS 116:5472, Self-Regulation Ontology retest data (n = 150)';

/** A figure no source gives: the reason it was set at this value. */
export const assumed = (value: number, why: string): Reliability => ({ value, kind: 'assumed', source: `assumed: ${why}` });

/** A test–retest figure from the Self-Regulation Ontology retest data, for the named measure. */
export const retest = (value: number, measure: string): Reliability => ({ value, kind: 'test-retest', source: `${ENKAVI}, ${measure}` });
