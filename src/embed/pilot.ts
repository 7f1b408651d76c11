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
  /** Days the raw events of this pilot's certified sessions are kept after issuance (instead of RETENTION_DAYS). */
  retentionDays: number;
  /**
   * The pilot's own backend vouches for each session with a short-lived signed JWT (docs/embed-protocol.md, "Start
   * token"); the server verifies it against these PUBLIC keys. `required`: a session without a valid token is refused.
   */
  startToken?: StartTokenConfig;
  /** The bundled demo pilot: `npm start` adds its own demo host page's origin to `hostOrigins`. */
  demo?: boolean;
}

/** Where the pilot's public keys are: a JWKS URL (https; http only on a loopback host) or the keys inline. */
export interface StartTokenConfig {
  required: boolean;
  /** Absolute URL; only the demo pilot may give a path, resolved against the demo host's origin at start. */
  jwksUri?: string;
  jwks?: { keys: PublicJwk[] };
}

/** A public signing key (EC P-256 for ES256, OKP Ed25519 for EdDSA); the schema admits no private member. */
export interface PublicJwk {
  kty: 'EC' | 'OKP';
  crv: 'P-256' | 'Ed25519';
  x: string;
  y?: string;
  kid?: string;
  alg?: 'ES256' | 'EdDSA';
  use?: 'sig';
}

/** The algorithms a start token may be signed with (asymmetric only: our config never holds a pilot's secret). */
export const START_TOKEN_ALGORITHMS = ['ES256', 'EdDSA'] as const;

/** The browser learns only whether a start token is required, not where the keys are. */
export type PublicPilot = Omit<PilotConfig, 'xapi' | 'startToken'> & { xapi: { enabled: boolean }; startToken: { required: boolean } };

export function publicPilot(p: PilotConfig): PublicPilot {
  const { startToken, ...rest } = p;
  return { ...rest, xapi: { enabled: p.xapi.enabled }, startToken: { required: startToken?.required === true } };
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
    startToken: {
      type: 'object',
      additionalProperties: false,
      required: ['required'],
      oneOf: [{ required: ['jwksUri'] }, { required: ['jwks'] }],
      properties: {
        required: { type: 'boolean' },
        jwksUri: { type: 'string', maxLength: 2048, pattern: '^(https?://[^\\s]+|/[^\\s]*)$' },
        jwks: {
          type: 'object',
          additionalProperties: false,
          required: ['keys'],
          properties: {
            keys: {
              type: 'array',
              minItems: 1,
              maxItems: 16,
              items: {
                type: 'object',
                // No `d` (or any other member): a private key never belongs in our configuration.
                additionalProperties: false,
                required: ['kty', 'crv', 'x'],
                properties: {
                  kty: { enum: ['EC', 'OKP'] },
                  crv: { enum: ['P-256', 'Ed25519'] },
                  x: { type: 'string', pattern: '^[A-Za-z0-9_-]{43}$' },
                  y: { type: 'string', pattern: '^[A-Za-z0-9_-]{43}$' },
                  kid: { type: 'string', minLength: 1, maxLength: 128 },
                  alg: { enum: [...START_TOKEN_ALGORITHMS] },
                  use: { const: 'sig' },
                },
              },
            },
          },
        },
      },
    },
    demo: { type: 'boolean' },
  },
} as const;
