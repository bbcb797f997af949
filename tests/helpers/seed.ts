/**
 * The seed of a randomised test. The environment variable `naam` when set, to replay a run; a fixed
 * seed when CI is set, so that a CI run is repeatable and its failure is reproduced by that seed;
 * otherwise a new random seed, so that local runs keep exploring. Tests print the seed on failure.
 */
export function kiesSeed(naam: string, vastInCi: number): number {
  const gezet = process.env[naam];
  if (gezet) {
    const seed = Number(gezet);
    if (!Number.isSafeInteger(seed)) throw new Error(`${naam}=${gezet}: een seed is een geheel getal`);
    return seed;
  }
  return process.env.CI ? vastInCi : Math.floor(Math.random() * 2 ** 31);
}
