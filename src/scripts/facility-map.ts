/**
 * The Leaflet map of the facility list (loaded on demand by <facility-map>). Markers come from the list items'
 * data attributes, so list and map always show the same places; filtering the list filters the map.
 */
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';

export const CONSENT_KEY = 'quartier:detailkarte';

interface Place {
	id: string;
	name: string;
	category: string;
	color: string;
	icon: string;
	lat: number;
	lng: number;
	item: HTMLElement;
}

/** The one place of a facility page, from the host's data attribute. */
function singlePlace(host: HTMLElement): Place[] {
	if (!host.dataset.single) return [];
	const one = JSON.parse(host.dataset.single) as Omit<Place, 'item'>;
	return [{ ...one, item: document.createElement('li') }];
}

function placesFrom(root: ParentNode): Place[] {
	return [...root.querySelectorAll<HTMLElement>('li[data-facility][data-lat]')].map((item) => ({
		id: item.dataset.facility ?? '',
		name: item.querySelector('h3')?.textContent?.trim() ?? '',
		category: item.dataset.categoryLabel ?? '',
		color: item.dataset.color ?? '#333333',
		icon: item.dataset.icon ?? '',
		lat: Number(item.dataset.lat),
		lng: Number(item.dataset.lng),
		item,
	}));
}

function escape(text: string): string {
	const div = document.createElement('div');
	div.textContent = text;
	return div.innerHTML;
}

export async function mountMap(host: HTMLElement) {
	const container = host.querySelector<HTMLElement>('[data-map]');
	if (!container) return;
	// leaflet.markercluster is a classic plugin that extends the global L.
	(window as unknown as { L: typeof L }).L = L;
	await import('leaflet.markercluster');
	const [lat, lng] = (host.dataset.center ?? '0,0').split(',').map(Number) as [number, number];
	const [south, west, north, east] = (host.dataset.bounds ?? '0,0,0,0').split(',').map(Number) as [number, number, number, number];
	const frame = L.latLngBounds([south, west], [north, east]);

	const map = L.map(container, {
		center: [lat, lng],
		zoom: Number(host.dataset.zoom ?? 15),
		// The page scrolls past the map: no wheel zoom, and no one-finger dragging on touch screens.
		scrollWheelZoom: false,
		dragging: !L.Browser.mobile,
		attributionControl: true,
		zoomSnap: 0.5,
		maxZoom: Number(host.dataset.maxZoom ?? 19),
	});
	map.attributionControl.setPrefix(false);
	map.fitBounds(frame, { animate: false });
	L.rectangle(frame, { color: '#1b1f1e', weight: 2, fill: false, dashArray: '6 6', interactive: false }).addTo(map);

	const scope = host.closest('facility-finder') ?? document;
	const single = singlePlace(host);
	const places = single.length ? single : placesFrom(scope);
	const markers = new Map<string, L.Marker>();
	let lastMarker: L.Marker | undefined;

	// Nearby places are grouped, so no two targets overlap and thousands of places stay smooth.
	const clusters = L.markerClusterGroup({
		// Wider than a marker and a cluster side by side, so targets never overlap (WCAG 2.2 target size).
		maxClusterRadius: 60,
		showCoverageOnHover: false,
		spiderfyOnMaxZoom: true,
		iconCreateFunction: (cluster) => L.divIcon({ className: 'map-cluster', html: `<span>${cluster.getChildCount()}</span>`, iconSize: [40, 40] }),
	});
	/** Clusters are buttons too: they say how many places they hold. */
	const nameClusters = () => {
		for (const element of container.querySelectorAll<HTMLElement>('.map-cluster')) {
			element.setAttribute('aria-label', `${element.textContent?.trim() ?? ''} Einrichtungen – Gruppe vergrößern`);
			element.removeAttribute('title');
		}
	};
	clusters.on('animationend', nameClusters);
	map.on('zoomend moveend', () => setTimeout(nameClusters));
	clusters.on('clusterkeypress', (event) => {
		const key = (event as unknown as { originalEvent: KeyboardEvent }).originalEvent.key;
		if (key === 'Enter' || key === ' ') (event as unknown as { layer: L.MarkerCluster }).layer.zoomToBounds({ padding: [24, 24] });
	});

	for (const place of places) {
		const marker = L.marker([place.lat, place.lng], {
			title: `${place.name} (${place.category})`,
			keyboard: true,
			icon: L.divIcon({
				className: 'map-marker',
				// Icon and colour: the category is never told by colour alone.
				html: `<span style="background:${place.color}" aria-hidden="true"><svg viewBox="0 0 24 24" focusable="false"><path d="${escape(place.icon)}"></path></svg></span>`,
				iconSize: [30, 30],
				iconAnchor: [15, 15],
				popupAnchor: [0, -14],
			}),
		});
		const link = place.item.querySelector<HTMLAnchorElement>('h3 a')?.getAttribute('href') ?? `/einrichtungen/${place.id}/`;
		const address = place.item.querySelector('dd')?.textContent ?? '';
		marker.bindPopup(`<p class="map-popup__title"><a href="${link}">${escape(place.name)}</a></p><p>${escape(place.category)}${address ? `<br>${escape(address)}` : ''}</p>`);
		marker.on('add', () => {
			const element = marker.getElement();
			element?.setAttribute('aria-label', `${place.name}, ${place.category}`);
			// Space opens the popup like Enter does.
			element?.addEventListener('keydown', (event) => {
				if (event.key === ' ') {
					event.preventDefault();
					marker.openPopup();
				}
			});
		});
		marker.on('popupopen', () => {
			lastMarker = marker;
			highlight(place.id);
		});
		markers.set(place.id, marker);
	}
	clusters.addLayers(places.filter((p) => !p.item.hidden).map((p) => markers.get(p.id) as L.Marker));
	clusters.addTo(map);
	nameClusters();
	if (single[0]) map.setView([single[0].lat, single[0].lng], 17, { animate: false });
	// /einrichtungen/?zeige=<id> (from a facility page): centre on that place and open its popup.
	const wanted = markers.get(new URLSearchParams(location.search).get('zeige') ?? '');
	if (wanted && !single.length) clusters.zoomToShowLayer(wanted, () => wanted.openPopup());

	/** Marks the list entry of a place and brings it into view. */
	function highlight(id: string) {
		for (const place of places) place.item.classList.toggle('is-selected', place.id === id);
		places.find((p) => p.id === id)?.item.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
	}

	// Escape closes the popup and gives focus back to the marker that opened it.
	container.addEventListener('keydown', (event) => {
		if (event.key === 'Escape' && lastMarker?.isPopupOpen()) {
			lastMarker.closePopup();
			(lastMarker.getElement() as HTMLElement | undefined)?.focus();
		}
	});
	map.on('popupopen', (event) => {
		const popupLink = event.popup.getElement()?.querySelector<HTMLAnchorElement>('a[href]');
		popupLink?.focus({ preventScroll: true });
	});

	// „Auf der Karte zeigen" in each list entry.
	for (const place of places) {
		const button = place.item.querySelector<HTMLButtonElement>('[data-show-on-map]');
		if (!button) continue;
		button.hidden = false;
		button.addEventListener('click', () => {
			const marker = markers.get(place.id);
			if (!marker) return;
			container.scrollIntoView({ block: 'nearest' });
			clusters.zoomToShowLayer(marker, () => marker.openPopup());
		});
	}

	// Filtering the list filters the map.
	scope.addEventListener('facilities-filtered', (event) => {
		const visible = new Set((event as CustomEvent<{ ids: string[] }>).detail.ids);
		clusters.clearLayers();
		clusters.addLayers([...markers].filter(([id]) => visible.has(id)).map(([, marker]) => marker));
		nameClusters();
	});

	// Detailed tiles only after consent, remembered in this browser and withdrawable.
	const consentBox = host.querySelector<HTMLElement>('[data-consent-box]');
	const withdrawBox = host.querySelector<HTMLElement>('[data-withdraw-box]');
	let tiles: L.TileLayer | undefined;
	const showTiles = (on: boolean) => {
		if (on && !tiles) {
			tiles = L.tileLayer(host.dataset.tiles ?? '', {
				maxZoom: Number(host.dataset.maxZoom ?? 19),
				attribution: `<a href="${host.dataset.attributionUrl ?? '#'}">${escape(host.dataset.attribution ?? '')}</a>`,
			}).addTo(map);
		}
		if (!on && tiles) {
			tiles.remove();
			tiles = undefined;
		}
		container.classList.toggle('has-tiles', on);
		if (consentBox) consentBox.hidden = on;
		if (withdrawBox) withdrawBox.hidden = !on;
	};
	host.querySelector('[data-consent]')?.addEventListener('click', () => {
		localStorage.setItem(CONSENT_KEY, 'ja');
		showTiles(true);
	});
	host.querySelector('[data-withdraw]')?.addEventListener('click', () => {
		localStorage.removeItem(CONSENT_KEY);
		showTiles(false);
	});
	showTiles(localStorage.getItem(CONSENT_KEY) === 'ja');
	host.dispatchEvent(new CustomEvent('map-ready', { bubbles: true }));
}
