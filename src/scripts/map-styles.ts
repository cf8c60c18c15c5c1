/**
 * Leaflet's styles and the site's map styles (names on the base layer), added to the page once and only where a map
 * is drawn: the public maps and the place picker in the CMS. Resolves when they apply.
 */
import leafletCss from 'leaflet/dist/leaflet.css?url';
import leafletFixesCss from '../styles/leaflet-fixes.css?url';

function stylesheet(href: string): Promise<unknown> {
	if (document.querySelector(`link[rel="stylesheet"][href="${CSS.escape(href)}"]`)) return Promise.resolve();
	const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href });
	const applied = new Promise((resolve) => {
		link.onload = link.onerror = resolve;
	});
	document.head.append(link);
	return applied;
}

export const loadMapStyles = () => Promise.all([stylesheet(leafletCss), stylesheet(leafletFixesCss)]);
