/**
 * Gesture handling: a map inside a page must not catch the page's scrolling. The mouse wheel scrolls the page;
 * Ctrl + wheel (or a trackpad pinch, which browsers report as Ctrl + wheel) zooms the map. On touch screens one
 * finger scrolls the page and two fingers move and zoom the map (Leaflet's pinch handler pans with the fingers).
 * A short hint says so when someone tries the other way.
 */
import type * as L from 'leaflet';

export function gestureHandling(map: L.Map, container: HTMLElement, hint: HTMLElement | null) {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const show = (text: string | undefined) => {
		if (!hint || !text) return;
		hint.textContent = text;
		hint.hidden = false;
		clearTimeout(timer);
		timer = setTimeout(() => (hint.hidden = true), 1500);
	};
	container.addEventListener(
		'wheel',
		(event) => {
			if (!(event.ctrlKey || event.metaKey)) {
				show(hint?.dataset.wheel);
				return;
			}
			event.preventDefault();
			const point = map.mouseEventToContainerPoint(event);
			// One step per wheel notch; trackpad pinches send many small deltas, so follow their size.
			const step = Math.abs(event.deltaY) >= 50 ? Math.sign(event.deltaY) : event.deltaY / 50;
			map.setZoomAround(point, map.getZoom() - step, { animate: false });
			if (hint) hint.hidden = true;
		},
		{ passive: false },
	);
	container.addEventListener(
		'touchmove',
		(event) => {
			// One finger: the page scrolls (dragging is off on touch screens); tell how to move the map.
			if (event.touches.length === 1 && !map.dragging.enabled()) show(hint?.dataset.touch);
			else if (hint) hint.hidden = true;
		},
		{ passive: true },
	);
}
