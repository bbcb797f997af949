import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import http from 'node:http';
import type { OidcConfig } from '../../src/core/config.js';

export const ISSUER = 'https://idp.regio.test/realms/mgr';
export const AUDIENCE = 'regiohub';

export interface JwtOpties {
  /** Signing key; default the provider's own. */
  key?: CryptoKey;
  kid?: string;
  issuer?: string;
  audience?: string;
  /** Expiry: a time span from now ('5m') or seconds since the epoch. */
  exp?: string | number;
}

/** An OpenID Connect identity provider for tests: a real JWKS endpoint on loopback and a signer. */
export interface TestIdentiteitsaanbieder {
  /** OIDC settings for a hub that trusts this provider; `rolClaim` is where the roles are in the token. */
  config(rolClaim: string): OidcConfig;
  /** A token with these claims, signed by the provider and valid for five minutes unless told otherwise. */
  jwt(claims: Record<string, unknown>, opties?: JwtOpties): Promise<string>;
  /** A private key the provider does not publish: tokens signed with it are forged. */
  vreemdeSleutel: CryptoKey;
  close(): void;
}

/** Starts a provider whose key set holds one RS256 key with key id `kid`; tokens have subject `subject`. */
export async function startIdentiteitsaanbieder({ kid = 'test-1', subject = 'user-42' } = {}): Promise<TestIdentiteitsaanbieder> {
  const paar = await generateKeyPair('RS256');
  const vreemdeSleutel = (await generateKeyPair('RS256')).privateKey;
  const publiek: JWK = { ...(await exportJWK(paar.publicKey)), kid, alg: 'RS256', use: 'sig' };
  const server = http.createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [publiek] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    config: (rolClaim) => ({
      issuer: ISSUER,
      audience: AUDIENCE,
      jwksUrl: `http://127.0.0.1:${port}/jwks.json`,
      rolClaim,
      gemeenteClaim: 'gemeente',
      modulesClaim: 'modules',
    }),
    jwt: (claims, opties = {}) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: opties.kid ?? kid })
        .setSubject(subject)
        .setIssuer(opties.issuer ?? ISSUER)
        .setAudience(opties.audience ?? AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(opties.exp ?? '5m')
        .sign(opties.key ?? paar.privateKey),
    vreemdeSleutel,
    close: () => server.close(),
  };
}
