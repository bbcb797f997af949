import { normaliseerCbsCode } from '../core/scalars.js';
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import type { OidcConfig } from '../core/config.js';
import { ErrorCode, hubError } from '../core/errors.js';
import { parseRol, scopeFout, type Identity, type Rol } from './identity.js';

function claim(payload: JWTPayload, pad: string): unknown {
  return pad.split('.').reduce<unknown>((v, deel) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[deel] : undefined), payload);
}

function alsLijst(waarde: unknown): string[] {
  if (Array.isArray(waarde)) return waarde.filter((v): v is string => typeof v === 'string');
  if (typeof waarde === 'string') return waarde.split(/[\s,]+/).filter(Boolean);
  return [];
}

const weigering = (message: string) => hubError(ErrorCode.UNAUTHENTICATED, message, { http: { status: 401 } });

/**
 * Verifies bearer JWTs from the organisation's identity provider against its JWKS (signature,
 * issuer, audience, expiry) and maps the configured claims to a Regiohub identity.
 */
export function oidcVerifier(config: OidcConfig) {
  const jwks = createRemoteJWKSet(new URL(config.jwksUrl), { cooldownDuration: 30_000, timeoutDuration: 5_000 });
  return async (token: string): Promise<Identity> => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, jwks, {
        issuer: config.issuer,
        audience: config.audience,
        algorithms: ['RS256', 'RS384', 'RS512', 'PS256', 'ES256', 'ES384', 'EdDSA'],
        clockTolerance: 30,
        requiredClaims: ['sub', 'exp'],
      }));
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw weigering('Het token is verlopen. Vraag een nieuw token aan.');
      if (error instanceof errors.JWTClaimValidationFailed) {
        throw weigering(`Het token is niet voor Regiohub bestemd of niet door de vertrouwde uitgever afgegeven (${error.claim}).`);
      }
      throw weigering('Het token is ongeldig: de handtekening of het formaat klopt niet.');
    }
    const rollen = alsLijst(claim(payload, config.rolClaim)).map(parseRol).filter((r): r is Rol => r !== null);
    if (rollen.length === 0) {
      throw hubError(ErrorCode.FORBIDDEN, `Het token bevat geen Regiohub-rol in claim "${config.rolClaim}".`, { http: { status: 403 } });
    }
    const claimGemeente = alsLijst(claim(payload, config.gemeenteClaim))[0];
    const gemeente = claimGemeente ? normaliseerCbsCode(claimGemeente) : null;
    const modules = alsLijst(claim(payload, config.modulesClaim));
    // With several roles the token carries, the first one listed counts (a token is one identity).
    const rol = rollen[0];
    const fout = scopeFout(rol, gemeente, rol === 'MODULEMANAGER' ? modules : []);
    if (fout) throw hubError(ErrorCode.FORBIDDEN, fout, { http: { status: 403 } });
    return {
      id: `oidc:${payload.sub}`,
      naam: typeof payload.name === 'string' ? payload.name : String(payload.sub),
      rol,
      gemeente: rol === 'GEMEENTE' || rol === 'DASHBOARD' ? gemeente : null,
      modules: rol === 'MODULEMANAGER' ? modules : [],
    };
  };
}
