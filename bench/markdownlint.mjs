// The comparison for `postmortem lint`: markdownlint (all default rules) on one file, in a
// cold process of its own, as a CI step would run it. Prints the number of findings.
import { lint } from 'markdownlint/sync';

const file = process.argv[2];
const results = lint({ files: [file] });
process.stdout.write(`${results[file].length}\n`);
