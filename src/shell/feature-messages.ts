/**
 * The words of every feature above the i18n layer, registered once for the whole page (each module calls
 * `registerMessages` when imported). The features below i18n are listed in src/i18n/features.ts; together the two
 * files are every bundle `tDynamic` reads, so a screen never shows a raw key because its feature was not loaded yet.
 * Two exceptions load with their route instead, to keep them off the candidate's landing page: the embedded scan's
 * words with `<ts-embed>` (only inside a pilot's iframe), and the coach workspace's words with `<ts-coach>` (`/coach`).
 */
import '../runtime/device-check-messages.ts';
import './flag-messages.ts';
import './journey-messages.ts';
import './past-results-messages.ts';
import './results-explain-messages.ts';
import './session-messages.ts';
