/** Deterministic pseudo-random numbers for demo figures: the same label gives the same number. */
export function demoRandom(label: string): number {
  // FNV-1a hash of the label, then one round of mulberry32.
  let h = 2166136261;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  let t = (h + 0x6d2b79f5) | 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** A factor in [1 - spread, 1 + spread], fixed per label. */
export function demoFactor(label: string, spread: number): number {
  return 1 - spread + 2 * spread * demoRandom(label);
}
