/**
 * protomaps-leaflet extends the global `L` (it uses L.GridLayer and L.DomUtil): this module provides exactly
 * that, loaded only for a vector map file. Named imports keep Leaflet's module free of a namespace object.
 */
import { DomUtil, GridLayer } from 'leaflet';

(window as unknown as { L: { DomUtil: typeof DomUtil; GridLayer: typeof GridLayer } }).L = { DomUtil, GridLayer };
