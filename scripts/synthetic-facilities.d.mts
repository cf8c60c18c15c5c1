/** Adds synthetic facilities to `contentDir` until it holds `count` (see synthetic-facilities.mjs). */
export function synthesizeFacilities(contentDir: string, count: number): void;
