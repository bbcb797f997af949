import { explorerPlugin } from '@graphiql/plugin-explorer';
import '@graphiql/plugin-explorer/style.css';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import { useMemo, useState, type FormEvent } from 'react';
import { createRoot } from 'react-dom/client';
import readmeTabs from 'virtual:readme-voorbeelden';
import { createRegiohubFetcher } from './fetcher.js';
import { bewaardToken, bewaarToken, maskToken, tokenUitFragment } from './token.js';

// The explorer lets a controller click a query together from the schema; one instance for the page.
const plugins = [explorerPlugin()];

function TokenBalk({ token, zetToken }: { token: string; zetToken(token: string): void }) {
  const [invoer, setInvoer] = useState('');
  const gebruik = (e: FormEvent) => {
    e.preventDefault();
    if (!invoer.trim()) return;
    zetToken(invoer);
    setInvoer('');
  };
  return (
    <form className="token-balk" onSubmit={gebruik} aria-label="Aanmelden">
      <label htmlFor="token">API-token</label>
      <input
        id="token"
        type="password"
        autoComplete="off"
        spellCheck={false}
        value={invoer}
        onChange={(e) => setInvoer(e.target.value)}
        placeholder={token ? 'ander token plakken' : 'plak hier uw token (rh_… of OpenID Connect)'}
      />
      <button type="submit">Gebruiken</button>
      <span role="status" data-testid="token-status">
        {token ? (
          <>
            Token ingesteld: <code>{maskToken(token)}</code>, alleen in dit tabblad.
          </>
        ) : (
          <>
            Geen token: plak er een, of zet in Headers <code>{'{"Authorization": "Bearer …"}'}</code>.
          </>
        )}
      </span>
      {token && (
        <button type="button" onClick={() => zetToken('')}>
          Wissen
        </button>
      )}
    </form>
  );
}

function App() {
  const [token, setToken] = useState(bewaardToken);
  // A new fetcher when the token changes: GraphiQL then fetches the schema again with it.
  const fetcher = useMemo(() => createRegiohubFetcher('/graphql', token), [token]);
  const zetToken = (nieuw: string) => {
    bewaarToken(nieuw);
    setToken(bewaardToken());
  };
  return (
    <>
      <TokenBalk token={token} zetToken={zetToken} />
      <div className="graphiql-vak">
        <GraphiQL fetcher={fetcher} plugins={plugins} defaultTabs={readmeTabs} defaultEditorToolsVisibility={false} />
      </div>
    </>
  );
}

tokenUitFragment();
createRoot(document.getElementById('graphiql')!).render(<App />);
