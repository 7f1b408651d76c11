/**
 * The xAPI 1.0.3 statement rules, as Learning Locker's validator (`xapi-validation`) checks them: the warnings for a
 * statement, [] when it follows them.
 */
import validator from 'xapi-validation';

// The package is CommonJS with `exports.default`: Node's ESM loader (the server under tsx, Playwright) hands over the
// exports object, a bundler's interop the function itself.
const validate: typeof validator = typeof validator === 'function' ? validator : (validator as unknown as { default: typeof validator }).default;

export function xapiWarnings(statement: unknown): unknown[] {
  return validate(JSON.parse(JSON.stringify(statement)) as Record<string, unknown>);
}
