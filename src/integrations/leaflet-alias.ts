/** Leaflet's ES module build instead of its UMD file, for the site (astro.config.mjs) and the editor bundle (admin-dev.ts). */
export const LEAFLET_ALIAS = { find: /^leaflet$/, replacement: 'leaflet/dist/leaflet-src.esm.js' };
