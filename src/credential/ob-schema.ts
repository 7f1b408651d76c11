/**
 * The official Open Badges 3.0 AchievementCredential JSON Schema (1EdTech, draft 2019-09), compiled with Ajv's 2019
 * build. Node only (Ajv generates code, which the app's CSP rightly forbids in the browser; verify.ts falls back to a
 * structural check there). The copy in ./schema/ is the file published at OB_SCHEMA_ID, unchanged.
 * `date` and `date-time` are checked as RFC 3339 (what ajv-formats would do; that package is not a dependency).
 */
import Ajv2019 from 'ajv/dist/2019.js';
import schema from './schema/ob_v3p0_achievementcredential_schema.json' with { type: 'json' };

const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

let compiled: ReturnType<InstanceType<typeof Ajv2019>['compile']> | undefined;

export function obSchemaValidator(schemaDoc: object = schema): (credential: unknown) => string[] {
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  ajv.addFormat('date-time', { type: 'string', validate: (s: string) => DATE_TIME.test(s) && !Number.isNaN(Date.parse(s)) });
  ajv.addFormat('date', { type: 'string', validate: (s: string) => DATE.test(s) });
  const validate = schemaDoc === schema ? (compiled ??= ajv.compile(schema)) : ajv.compile(schemaDoc);
  return (credential) => (validate(credential) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`.trim()));
}
