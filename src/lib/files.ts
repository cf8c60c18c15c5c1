import { statSync } from 'node:fs';
import path from 'node:path';

/** Size and format label of a file in public/, e.g. { size: 18342, format: 'PDF' }. */
export function publicFileInfo(sitePath: string) {
	const size = statSync(path.resolve('public', `.${sitePath}`)).size;
	const format = (sitePath.split('.').pop() ?? '').toUpperCase();
	return { size, format };
}
