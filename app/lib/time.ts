export const nowIso = () => new Date().toISOString();

export const isoIn = (ms: number) => new Date(Date.now() + ms).toISOString();

export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;
