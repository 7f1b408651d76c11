/**
 * The one place the issuer gets a profile from a raw log: the profile engine's `profileFromLog`
 * (src/scoring/build-profile.ts), the same code the browser runs. `ProfileSource` lets tests and benchmarks pass a
 * stand-in.
 */
import type { LogEvent } from '../log/events.ts';
import { profileFromLog } from '../scoring/build-profile.ts';
import type { Profile } from '../scoring/profile-types.ts';

export type ProfileSource = (events: readonly LogEvent[], opts: { normGroup?: string }) => Profile | Promise<Profile>;

/** Thrown by a profile source when the requested norm group (or its version) is not known. */
export class UnknownNormGroup extends Error {}

export const profileFromLogSource: ProfileSource = (events, opts) => profileFromLog(events, opts.normGroup === undefined ? {} : { normGroup: opts.normGroup });
