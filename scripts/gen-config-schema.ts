// Writes schemas/postmortem-config.schema.json from the zod ConfigSpec.
//   npx tsx scripts/gen-config-schema.ts           write it
//   npx tsx scripts/gen-config-schema.ts --check   exit 1 when the committed file is stale
import fs from 'node:fs';
import path from 'node:path';
import { CONFIG_SCHEMA_FILE, configJsonSchema } from '../server/src/node/configSchema';

const file = path.resolve(__dirname, '..', CONFIG_SCHEMA_FILE);
const text = configJsonSchema();
const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;

if (process.argv.includes('--check')) {
  if (current !== text) {
    console.error(`${CONFIG_SCHEMA_FILE} is stale: run \`npm run gen:schema\``);
    process.exit(1);
  }
  console.log(`${CONFIG_SCHEMA_FILE} is up to date`);
} else if (current === text) {
  console.log(`${CONFIG_SCHEMA_FILE} is up to date`);
} else {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  console.log(`wrote ${CONFIG_SCHEMA_FILE}`);
}
