/**
 * The client owns the conference (app-driven mode): the roster and the conference details are
 * React state handed to PexPluginHost as props (set as DOM properties by the wrapper), and the
 * plugins' commands arrive through `onPexCommand`, carried out on that state.
 *
 * A ref holds the conference as last changed: a command answers at once (its `resolve` is
 * called inside the handler), and two commands in one render must each see the other's change.
 * Every change makes new objects, so the wrappers hand the elements the new roster.
 */
import { CommandError, type PexEvent } from 'pex-plugin-host';
import { PexConferenceMenu, PexParticipantMenu, PexPluginHost, PexPluginSettings, PexToolbar } from 'pex-plugin-host/react';
import { useRef, useState } from 'react';
import { brandingUrlFor } from '../../client/branding-param.js';
import { carryOut, dialOut, initialConference, SELF_UUID, type Conference } from './conference.js';

interface LogEntry {
  id: number;
  name: string;
  text: string;
}

const brandingUrl = brandingUrlFor(location.href, 'react');

export function App() {
  const [conference, setConference] = useState<Conference>(initialConference);
  const latest = useRef(conference);
  const [selectedUuid, setSelectedUuid] = useState(SELF_UUID);
  const [commandLog, setCommandLog] = useState<readonly LogEntry[]>([]);
  const [notices, setNotices] = useState<readonly LogEntry[]>([]);
  const nextId = useRef(0);

  const change = (next: Conference) => {
    latest.current = next;
    setConference(next);
  };
  const logCommand = (name: string, text: string) => setCommandLog((log) => [...log, { id: nextId.current++, name, text }]);
  const notify = (name: string, text: string) => setNotices((list) => [...list, { id: nextId.current++, name, text }]);

  function onCommand(event: PexEvent<'pex-command'>) {
    const command = event.detail;
    const asked = `${command.pluginId}: ${command.name} ${JSON.stringify(command.args)}`;
    try {
      // resolve is typed by the command's name: narrowed to dialOut, it takes the new uuids.
      if (command.name === 'dialOut') {
        const { conference: next, uuids } = dialOut(latest.current, command.args);
        change(next);
        command.resolve(uuids);
        logCommand(command.name, `${asked} → ${JSON.stringify(uuids)}`);
      } else {
        change(carryOut(latest.current, command));
        command.resolve(true);
        logCommand(command.name, `${asked} → true`);
        if (command.name === 'sendChatMessage') notify('chat', `Chat from a plugin: ${command.args.payload}`);
      }
    } catch (error) {
      command.reject(error);
      logCommand(command.name, `${asked} → refused: ${error instanceof CommandError ? error.reason : String(error)}`);
    }
  }

  const { participants, details } = conference;
  const selected = participants.find((p) => p.uuid === selectedUuid);
  return (
    // Objects go in as props the wrapper sets as DOM properties; events are onPex… handler props.
    <PexPluginHost
      brandingUrl={brandingUrl}
      platform="web"
      participantRole="chair"
      participants={participants}
      conference={details}
      selfUUID={SELF_UUID}
      onPexCommand={onCommand}
      onPexAction={(event) => notify('action', event.detail.action.type)}
      onPexPluginError={(event) => {
        const { id, phase, error } = event.detail;
        notify('error', `Plugin ${id} failed (${phase}): ${error instanceof Error ? error.message : String(error)}`);
      }}
    >
      <header className="bar">
        <h1>pex-plugin-host in React</h1>
        <button type="button" aria-pressed={details.locked} onClick={() => change({ ...latest.current, details: { ...latest.current.details, locked: !details.locked } })}>
          {details.locked ? 'Unlock' : 'Lock'} the conference
        </button>
        <PexConferenceMenu label="Conference plugins" />
      </header>

      <main className="layout">
        <section aria-labelledby="roster-title">
          <h2 id="roster-title">Participants ({participants.length})</h2>
          <ul className="roster">
            {participants.map((p) => (
              <li key={p.uuid} data-uuid={p.uuid}>
                <button type="button" aria-pressed={p.uuid === selectedUuid} onClick={() => setSelectedUuid(p.uuid)}>
                  {p.name}
                </button>
                {p.role === 'chair' && <span className="badge">host</span>}
                {p.spotlight > 0 && <span className="badge">spotlight</span>}
                {p.isStreaming && <span className="badge">streaming</span>}
              </li>
            ))}
          </ul>
          {selected && (
            <>
              <h3 id="participant-menu-title">Plugins for {selected.name}</h3>
              <PexParticipantMenu participant={selected} label={`Plugins for ${selected.name}`} />
            </>
          )}
        </section>

        <section aria-labelledby="commands-title">
          <h2 id="commands-title">Commands received</h2>
          <ol className="log" data-log="commands" aria-live="polite">
            {commandLog.map((entry) => (
              <li key={entry.id} data-command={entry.name}>
                {entry.text}
              </li>
            ))}
          </ol>
          <h2 id="notices-title">Notices</h2>
          <ul className="log" data-log="notices" aria-labelledby="notices-title">
            {notices.map((entry) => (
              <li key={entry.id} data-kind={entry.name}>
                {entry.text}
              </li>
            ))}
          </ul>
        </section>

        <section>
          <PexPluginSettings label="Plugins">
            <h2 slot="heading">Plugins</h2>
          </PexPluginSettings>
        </section>
      </main>

      <footer className="bar">
        <PexToolbar label="Plugin toolbar" />
      </footer>
    </PexPluginHost>
  );
}
