// Sign-in: locally a role and an email for the local issuer; in the cloud, Cognito's hosted UI.
import { useState } from 'preact/hooks';
import { signInLocally, startCognitoSignIn, type Session } from '../auth.ts';
import { ROLES, type ConsoleConfig, type Role } from '../config.ts';
import { Notice } from '../ui.tsx';

const ROLE_HELP: Record<Role, string> = {
  viewer: 'reads queues and cases',
  agent: 'approves and rejects returns, decides refund reviews, re-drives dead letters',
  supervisor: 'also overrides refund decisions and rejections',
  admin: 'everything, including policies',
};

export function SignInScreen({ config, onSignedIn }: { config: ConsoleConfig; onSignedIn(session: Session): void }) {
  const [role, setRole] = useState<Role>('agent');
  const [email, setEmail] = useState('agent@local.example');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  if (config.auth.kind === 'cognito') {
    const auth = config.auth;
    return (
      <main class="sign-in" id="main">
        <h1 tabIndex={-1}>Aftersales ops console</h1>
        <button type="button" class="primary" onClick={() => void startCognitoSignIn(auth)}>
          Sign in
        </button>
      </main>
    );
  }

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onSignedIn(await signInLocally(config, role, email.trim()));
    } catch (failure) {
      setError((failure as Error).message);
      setBusy(false);
    }
  };
  return (
    <main class="sign-in" id="main">
      <h1 tabIndex={-1}>Aftersales ops console</h1>
      <p>Local stack: sign in as any user with any role; the local issuer mints the token.</p>
      <form onSubmit={submit} aria-label="Sign in">
        <fieldset>
          <legend>Role</legend>
          {ROLES.map((candidate) => (
            <label key={candidate} class="choice">
              <input
                type="radio"
                name="role"
                value={candidate}
                checked={role === candidate}
                onChange={() => {
                  setRole(candidate);
                  if (email.endsWith('@local.example')) setEmail(`${candidate}@local.example`);
                }}
              />
              <strong>{candidate}</strong> — {ROLE_HELP[candidate]}
            </label>
          ))}
        </fieldset>
        <label for="email">Email</label>
        <input id="email" type="email" required value={email} onInput={(event) => setEmail(event.currentTarget.value)} />
        {error && <Notice kind="error">{error}</Notice>}
        <button type="submit" class="primary" disabled={busy}>
          Sign in
        </button>
      </form>
    </main>
  );
}
