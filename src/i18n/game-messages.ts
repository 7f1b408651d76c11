/**
 * Each game brings its own words (block instructions, its name, metric names) in every shell language, in
 * `games/<id>/messages.ts`, so adding a game touches no shell file. Keys: `game.<id>`, `<id>.<instruction>`,
 * `metric.<id>.<metric id>`. A test checks every game has every key in all four languages.
 */
export type GameMessages = Record<'nl' | 'en' | 'uk' | 'ar', Record<string, string>>;
