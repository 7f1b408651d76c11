/**
 * A pilot: a partner site that embeds the scan. Configuration is data (`public/pilots/<id>.json`), validated against
 * `PILOT_SCHEMA` when the server starts, so a bad file stops the server with a clear message instead of misbehaving
 * in front of candidates. The browser only ever sees `PublicPilot` (no LRS details).
 */
export const SHARE_LEVELS = ['summary', 'domains', 'fits', 'credential-offer'] as const;
export type ShareLevel = (typeof SHARE_LEVELS)[number];

export interface PilotConfig {
  id: string;
  name: string;
  /** Origins whose pages may frame the scan (CSP frame-ancestors) and receive its messages. */
  hostOrigins: string[];
  battery: string;
  defaultLang: 'nl' | 'en' | 'uk' | 'ar';
  normGroup: string;
  /** Role profile ids for the fits the pilot may see (empty: the default example roles). */
  roles: string[];
  branding: { accent: string; logo?: string };
  /** How much of the result goes to the host page; each level includes the ones before it. */
  share: ShareLevel;
  xapi: {
    enabled: boolean;
    /** Optional: our server also sends the statements to the pilot's LRS; credentials come from the environment. */
    lrs?: { endpoint: string; authEnv: string };
  };
  /** Days the raw events of this pilot's certified sessions are kept after issuance. */
  retentionDays: number;
  /** The bundled demo pilot: `npm start` adds its own demo host page's origin to `hostOrigins`. */
  demo?: boolean;
}

export type PublicPilot = Omit<PilotConfig, 'xapi'> & { xapi: { enabled: boolean } };

export function publicPilot(p: PilotConfig): PublicPilot {
  return { ...p, xapi: { enabled: p.xapi.enabled } };
}

/** Whether `level` lets the host receive what `needed` names. */
export function shares(level: ShareLevel, needed: ShareLevel): boolean {
  return SHARE_LEVELS.indexOf(level) >= SHARE_LEVELS.indexOf(needed);
}

const ORIGIN = '^https?://[a-z0-9.-]+(:[0-9]{1,5})?$';

/** JSON Schema (draft 2020-12 subset Ajv understands) of a pilot file. */
export const PILOT_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'name', 'hostOrigins', 'battery', 'defaultLang', 'normGroup', 'roles', 'branding', 'share', 'xapi', 'retentionDays'],
  properties: {
    id: { type: 'string', pattern: '^[a-z0-9-]{1,64}$' },
    name: { type: 'string', minLength: 1, maxLength: 120 },
    hostOrigins: { type: 'array', maxItems: 32, items: { type: 'string', pattern: ORIGIN } },
    battery: { type: 'string', pattern: '^[a-z0-9-]{1,64}$' },
    defaultLang: { enum: ['nl', 'en', 'uk', 'ar'] },
    normGroup: { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]{0,63}$' },
    roles: { type: 'array', maxItems: 32, items: { type: 'string', pattern: '^[a-z0-9-]{1,64}$' } },
    branding: {
      type: 'object',
      additionalProperties: false,
      required: ['accent'],
      properties: {
        accent: { type: 'string', pattern: '^#[0-9a-fA-F]{6}$' },
        logo: { type: 'string', pattern: '^/pilots/[a-z0-9-]+\\.(svg|png)$' },
      },
    },
    share: { enum: [...SHARE_LEVELS] },
    xapi: {
      type: 'object',
      additionalProperties: false,
      required: ['enabled'],
      properties: {
        enabled: { type: 'boolean' },
        lrs: {
          type: 'object',
          additionalProperties: false,
          required: ['endpoint', 'authEnv'],
          properties: { endpoint: { type: 'string', pattern: '^https?://' }, authEnv: { type: 'string', pattern: '^[A-Z][A-Z0-9_]{0,63}$' } },
        },
      },
    },
    retentionDays: { type: 'integer', minimum: 0, maximum: 3650 },
    demo: { type: 'boolean' },
  },
} as const;
