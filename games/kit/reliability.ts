/** Reliability figures the games' domain contributions cite (their source travels with the number into the algorithm card). */
import type { Reliability } from '../../src/runtime/game-contract.ts';

const ENKAVI = 'Enkavi et al. (2019), PNAS 116:5472, Self-Regulation Ontology retest data (n = 150)';

/** A figure no source gives: the reason it was set at this value. */
export const assumed = (value: number, why: string): Reliability => ({ value, kind: 'assumed', source: `assumed: ${why}` });

/**
 * A test–retest figure at our trial count from the Self-Regulation Ontology data, for the named measure. The shipped
 * norm tables carry the same value with its full derivation (src/scoring/reference/; domain-model.test.ts keeps the two equal).
 */
export const retest = (value: number, measure: string): Reliability => ({
  value,
  kind: 'test-retest',
  source: `${ENKAVI}, ${measure}, at our trial count (derivation in the norm table entry)`,
});
