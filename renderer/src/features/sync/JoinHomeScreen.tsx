import { useState, type FormEvent } from 'react';
import { Banner } from '../../ui/Banner';
import { ControlledTextField } from '../../ui/ControlledTextField';
import { ServerFields, emptyServer, type ServerValues } from './ServerFields';
import { parseServer } from './server-values';
import { useJoinHome, type PullProgress } from './useJoinHome';

const stageText: Readonly<Record<PullProgress['stage'], string>> = {
  copying: 'Copying the home’s records from the server',
  applying: 'Putting the records in place',
};

const count = (value: number) => value.toLocaleString('en-GB');

/**
 * A new computer joins the home's computers: the server's details and the one-time code the
 * manager's Computers screen shows, then the home's records pulled with a progress bar. Staff sign
 * in afterwards with their own passwords. A join that stopped part way (the window closed) says
 * so, and how to finish.
 */
export function JoinHomeScreen({ wasJoining, onCancel }: { wasJoining: boolean; onCancel: () => void }) {
  const joining = useJoinHome();
  const [server, setServer] = useState<ServerValues>(emptyServer);
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<Readonly<Record<string, string>>>({});
  const [problem, setProblem] = useState<string>();
  const [progress, setProgress] = useState<PullProgress>();
  const [isWorking, setIsWorking] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!joining) return;
    const checked = parseServer(server);
    if (!checked.ok || !code.trim()) {
      setErrors({
        ...(checked.ok ? {} : checked.errors),
        ...(code.trim() ? {} : { code: 'Enter the pairing code from the manager’s computer.' }),
      });
      return;
    }
    setErrors({});
    setProblem(undefined);
    setIsWorking(true);
    const joined = await joining.join(checked.value, code, setProgress);
    setIsWorking(false);
    if (!joined.ok) {
      setProgress(undefined);
      if (joined.error.code === 'invalid') setErrors({ code: joined.error.message });
      else setProblem(joined.error.message);
    }
  };

  return (
    <main className="page page--narrow" aria-labelledby="join-home-title">
      <p className="shell__product">Family Links</p>
      <h1 id="join-home-title">Join this home’s computers</h1>
      {!joining ? (
        <Banner tone="error">
          Joining needs the Family Links desktop app: this window has no background service to reach a server.
        </Banner>
      ) : null}
      {wasJoining && !isWorking ? (
        <Banner tone="info">
          This computer started joining the home’s computers but did not finish, so it does not hold all the
          records yet and nobody can sign in here. Ask the manager for a new code (Settings, Computers, “Add a
          computer”) and enter it below to finish joining.
        </Banner>
      ) : null}
      {progress ? (
        <section className="panel" aria-labelledby="join-progress-title">
          <h2 id="join-progress-title">{stageText[progress.stage]}</h2>
          <progress
            className="progress"
            max={progress.total}
            value={progress.done}
            aria-labelledby="join-progress-title"
            aria-describedby="join-progress-count"
          />
          <p id="join-progress-count" role="status">
            {count(progress.done)} of {count(progress.total)} records
          </p>
          <p>Keep this window open until it is done. Staff then sign in with their own passwords.</p>
        </section>
      ) : (
        <>
          <p className="lede">
            If the home already uses Family Links on another computer with a sync server, this computer can
            hold the same records. Ask the manager to add it under Settings, Computers: they will give you a
            one-time pairing code.
          </p>
          {problem ? <Banner tone="error">{problem}</Banner> : null}
          <form
            className="form"
            noValidate
            aria-label="Join this home’s computers"
            onSubmit={(event) => void submit(event)}
          >
            <ServerFields values={server} errors={errors} onChange={setServer} />
            <ControlledTextField
              label="Pairing code"
              hint="Eight letters and digits, then six words, for example K7Q2-M9XA river candy maple orbit velvet sugar."
              error={errors['code']}
              value={code}
              onChange={setCode}
              autoComplete="off"
              spellCheck={false}
            />
            <div className="form__actions">
              <button type="submit" className="button" disabled={isWorking || !joining}>
                {isWorking ? 'Joining…' : 'Join'}
              </button>
              {wasJoining ? null : (
                <button type="button" className="button button--secondary" onClick={onCancel}>
                  Back
                </button>
              )}
            </div>
          </form>
        </>
      )}
    </main>
  );
}
