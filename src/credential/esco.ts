/**
 * ESCO transversal skills the cognitive domains are aligned to. Only URIs listed in the product brief
 * (../shared/brief/PRODUCT.md, "Standards and facts") are used; none is invented. The mapping is a documented,
 * provisional judgement (which everyday skill a domain's tasks draw on), not a validated claim that a score measures
 * the skill: the credential says "aligned to", and the algorithm card should say the same.
 */
import type { Domain } from '../runtime/game-contract.ts';

export const ESCO_SKILL_BASE = 'http://data.europa.eu/esco/skill/';

export interface EscoSkill {
  id: string;
  /** ESCO preferred label (English). */
  label: string;
}

export const ESCO_SKILLS = {
  adaptToChange: { id: '49de9958-2aa4-4eef-a89d-fe5d5bcd28c4', label: 'adapt to change' },
  memoriseInformation: { id: 'fa46a48d-9cb9-422d-afab-1047654dbcdd', label: 'memorise information' },
  manageTime: { id: 'd9013e0e-e937-43d5-ab71-0e917ee882b8', label: 'manage time' },
  copeWithPressure: { id: '7a147904-22b3-498a-b4d9-7bceeb86b45d', label: 'cope with pressure' },
  makeDecisions: { id: 'd62d2b4c-a6f8-439e-8a1b-4f29ab5f2c47', label: 'make decisions' },
  attendToDetail: { id: '83e6510b-ffeb-4aec-959c-4265fd0ff7b7', label: 'attend to detail' },
  dealWithUncertainty: { id: '5cd1930c-278d-4929-b413-27352f5b3687', label: 'deal with uncertainty' },
  evaluateInformation: { id: '7dd94ad3-13d6-43fe-8b94-51fcbf67ced9', label: 'evaluate information' },
  developStrategy: { id: '7a8fb784-67fa-41e9-a75c-6b491d91f800', label: 'develop strategy to solve problems' },
  thinkCreatively: { id: 'c624c6a3-b0ba-4a31-a296-0d433fe47e41', label: 'think creatively' },
} as const satisfies Record<string, EscoSkill>;

/** Which ESCO skills each domain is aligned to (provisional; see the file comment). */
export const DOMAIN_ESCO: Readonly<Record<Domain, readonly EscoSkill[]>> = {
  'processing-speed': [ESCO_SKILLS.manageTime, ESCO_SKILLS.copeWithPressure],
  inhibition: [ESCO_SKILLS.copeWithPressure, ESCO_SKILLS.makeDecisions],
  'selective-attention': [ESCO_SKILLS.attendToDetail],
  flexibility: [ESCO_SKILLS.adaptToChange],
  'working-memory': [ESCO_SKILLS.memoriseInformation],
  learning: [ESCO_SKILLS.dealWithUncertainty, ESCO_SKILLS.evaluateInformation],
};

export function escoUrl(skill: EscoSkill): string {
  return ESCO_SKILL_BASE + skill.id;
}
