/**
 * The coach verifier as this deployment mounts it: our own issuer's credential type, trusted issuers = our issuer plus
 * COACH_TRUSTED_ISSUERS (comma-separated DIDs / https issuer ids), the official OB 3.0 schema.
 */
import { obSchemaValidator } from '../../credential/ob-schema.ts';
import type { IssuerConfig } from '../config.ts';
import type { Issuer } from '../issuer.ts';
import { openid4vpPlugin, type Openid4vpPlugin } from './plugin.ts';

export function coachVerifier(config: IssuerConfig, issuer: Issuer, env: NodeJS.ProcessEnv = process.env): Openid4vpPlugin {
  const extra = (env.COACH_TRUSTED_ISSUERS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const trusted = [issuer.identity.did, ...extra];
  return openid4vpPlugin({
    publicUrl: config.publicUrl,
    vct: issuer.issuance.vct,
    issuerBaseUrl: config.publicUrl,
    trustedIssuers: () => trusted,
    schemaValidator: obSchemaValidator(),
    allowedOrigins: config.allowedOrigins,
  });
}
