/**
 * npm run import:einrichtungen -- <datei.csv|datei.geojson> [--skip-invalid]
 * Creates or updates facility files in content/einrichtungen/ (see src/import/facilities.ts).
 */
import { importFacilities } from '../src/import/facilities';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
if (!file) {
	console.error('Aufruf: npm run import:einrichtungen -- <datei.csv|datei.geojson> [--skip-invalid]');
	process.exit(2);
}
const { ok, lines } = await importFacilities(file, { skipInvalid: args.includes('--skip-invalid') });
for (const line of lines) console.log(line);
process.exit(ok || args.includes('--skip-invalid') ? 0 : 1);
