/**
 * The words of every feature above the i18n layer, registered once for the whole page (each module calls
 * `registerMessages` when imported). The features below i18n are listed in src/i18n/features.ts; together the two
 * files are every bundle `tDynamic` reads, so a screen never shows a raw key because its feature was not loaded yet.
 * The embedded scan's words are the exception: they load with `<ts-embed>` (only inside a pilot's iframe), which
 * imports them before it renders, and only it gives `<ts-scan>` their keys.
 */
import '../coach/messages.ts';
import '../runtime/device-check-messages.ts';
import './flag-messages.ts';
import './journey-messages.ts';
import './past-results-messages.ts';
import './session-messages.ts';
