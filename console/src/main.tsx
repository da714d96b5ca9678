import { render } from 'preact';
import { App } from './app.tsx';
import { completeCognitoSignIn, saveSession, storedSession } from './auth.ts';
import { loadConfig } from './config.ts';
import './styles.css';

const root = document.getElementById('app')!;
try {
  const config = await loadConfig();
  let session = storedSession();
  if (config.auth.kind === 'cognito') {
    const fresh = await completeCognitoSignIn(config.auth);
    if (fresh) {
      saveSession(fresh);
      session = fresh;
    }
  }
  render(<App config={config} initialSession={session} />, root);
} catch (error) {
  root.textContent = `The console could not start: ${(error as Error).message}`;
}
