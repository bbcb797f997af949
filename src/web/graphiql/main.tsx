import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import { createRoot } from 'react-dom/client';

// The token comes from the fragment (#token=…) or this tab's storage, and goes in the Authorization
// header of every request; it is never part of a URL sent to the server.
const fragment = new URLSearchParams(location.hash.slice(1));
if (fragment.get('token')) {
  sessionStorage.setItem('regiohub-token', fragment.get('token')!);
  history.replaceState(null, '', location.pathname);
}
const token = sessionStorage.getItem('regiohub-token') ?? '';
const fetcher = createGraphiQLFetcher({ url: '/graphql', headers: { authorization: `Bearer ${token}` } });

createRoot(document.getElementById('graphiql')!).render(<GraphiQL fetcher={fetcher} defaultEditorToolsVisibility={false} />);
