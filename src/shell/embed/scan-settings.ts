import type { PublicPilot } from '../../embed/pilot.ts';
import type { ScanSettings } from '../scan-lifecycle.ts';
import { CONSENT_RETENTION_DAYS, EMBED_CONSENT_VERSION } from './embed-messages.ts';

/** The scan as the pilot set it up, with the consent lines that say what the pilot receives. */
export function scanSettings(pilot: PublicPilot): ScanSettings {
  const params = { pilot: pilot.name };
  return {
    pilot: pilot.id,
    battery: pilot.battery,
    normGroup: pilot.normGroup,
    consentExtra: [
      { key: 'embed.consent.offeredBy', params },
      { key: `embed.consent.share.${pilot.share}`, params },
      ...(pilot.xapi.enabled ? [{ key: 'embed.consent.xapi', params }] : []),
      // The pilot's retention replaces the deployment's for its sessions (server housekeeping): the consent says so.
      ...(pilot.retentionDays !== CONSENT_RETENTION_DAYS ? [{ key: 'embed.consent.retention', params: { ...params, days: pilot.retentionDays } }] : []),
    ],
    consentVersionSuffix: `+${EMBED_CONSENT_VERSION}`,
  };
}
