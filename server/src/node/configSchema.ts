// The JSON Schema of `.postmortem.yaml`, generated from the zod ConfigSpec (the single source of
// truth). scripts/gen-config-schema.ts writes it to schemas/; a unit test keeps it fresh.
import { z } from 'zod';
import { ConfigSpec } from '../core';

export const CONFIG_SCHEMA_FILE = 'schemas/postmortem-config.schema.json';

/** The schema as pretty-printed JSON with a trailing newline, exactly as committed. */
export function configJsonSchema(): string {
  // io: 'input' -> keys that have defaults are optional, as they are in the file.
  const generated = z.toJSONSchema(ConfigSpec, { io: 'input' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  const schema = {
    $schema,
    $id: 'urn:postmortem-author:schema:postmortem-config',
    title: 'Postmortem Author configuration',
    description:
      'Workspace configuration for Postmortem Author (.postmortem.yaml): which files are post-mortems, the default template and time zone, rule severities, and custom templates in the same format as the built-in ones (schemas/templates/*.yaml). Generated from server/src/core/template/schema.ts by `npm run gen:schema`; do not edit.',
    ...rest,
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}
