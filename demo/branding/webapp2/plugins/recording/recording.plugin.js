// A toolbar plugin modelled on the guide's recording example.
// - state$ follows the roster: while the streaming participant this plugin dialled is in the
//   conference, the button says "Stop recording" (with a stop icon), else "Start recording".
// - Start opens a dialog (openTemplateDialog, promise style) with an alias field that remembers
//   the last alias used (localStorage) and calls
//   dialOut(alias, 'auto', 'guest', callback, {streaming: true}); `result.length === 0` in the
//   callback means it failed: the dialog stays open and says so.
// - Stop calls disconnectParticipant(uuid).
// The form's inline onsubmit keeps the page from navigating should Enter come before the
// promise has resolved and the plugin's own submit listener is in place.
(function () {
  var STORAGE_KEY = 'pexDemoRecordingAlias';
  var DEFAULT_ALIAS = 'rtmp://example.com/live/demo';
  var START = { icon: 'start-recording.svg#startRecording', label: 'Start recording' };
  var STOP = { icon: 'stop-recording.svg#stopRecording', label: 'Stop recording' };

  var state$ = window.PEX.pluginAPI.createNewState(START);
  var uuid = null; // the streaming participant this plugin dialled
  var recording = false;
  var dialogOpen = false;
  var rosterSubscription = null;

  function isRecording(participants) {
    return (participants || []).some(function (p) {
      return p.uuid === uuid && p.isStreaming;
    });
  }

  function load(participants$) {
    rosterSubscription = participants$.subscribe(function (participants) {
      var now = isRecording(participants);
      if (now === recording) return;
      recording = now;
      state$.next(recording ? STOP : START);
    });
  }

  function unload() {
    if (rosterSubscription) rosterSubscription.unsubscribe();
    rosterSubscription = null;
  }

  // The toolbar action: it receives the participants (and the conference details).
  function recordConference(participants) {
    if (isRecording(participants)) stopRecording();
    else startRecording();
  }

  function stopRecording() {
    window.PEX.pluginAPI.disconnectParticipant(uuid).catch(function (error) {
      notice('Could not stop recording: ' + reasonOf(error));
    });
  }

  function startRecording() {
    if (dialogOpen) return;
    dialogOpen = true;
    window.PEX.pluginAPI
      .openTemplateDialog({
        title: 'Start recording',
        body:
          '<form id="recordingPluginForm" novalidate onsubmit="return false;">' +
          '  <label for="recordingPluginAlias" class="pex-dialog-content-message">Stream the conference to (an RTMP address):</label>' +
          '  <input id="recordingPluginAlias" class="pex-text-input" type="text" autocomplete="off" spellcheck="false" autofocus />' +
          '  <p id="recordingPluginError" class="pex-dialog-content-message" role="alert" style="color: #d93025; margin: 0.5rem 0 0;" hidden></p>' +
          '  <div class="buttons">' +
          '    <button id="recordingPluginStart" type="submit" class="dialog-button green-action-button">Start</button>' +
          '  </div>' +
          '</form>'
      })
      .then(function (dialogRef) {
        var form = document.getElementById('recordingPluginForm');
        var input = /** @type {HTMLInputElement} */ (document.getElementById('recordingPluginAlias'));
        var button = /** @type {HTMLButtonElement} */ (document.getElementById('recordingPluginStart'));
        var error = document.getElementById('recordingPluginError');
        input.value = localStorage.getItem(STORAGE_KEY) || DEFAULT_ALIAS;

        dialogRef.close$.subscribe(function () {
          dialogOpen = false;
        });

        function showError(text) {
          error.textContent = text;
          error.hidden = false;
          input.setAttribute('aria-invalid', 'true');
          button.disabled = false;
          input.focus();
        }

        form.addEventListener('submit', function (event) {
          event.preventDefault();
          var alias = input.value.trim();
          if (!alias) {
            showError('Type the address to stream to.');
            return;
          }
          error.hidden = true;
          input.removeAttribute('aria-invalid');
          button.disabled = true;
          window.PEX.pluginAPI
            .dialOut(
              alias,
              'auto',
              'guest',
              function (answer) {
                if (answer.result.length === 0) {
                  showError('Could not start recording to ' + alias + '. Check the address and try again.');
                  return;
                }
                uuid = answer.result[0];
                localStorage.setItem(STORAGE_KEY, alias);
                dialogRef.close(uuid);
              },
              { streaming: true }
            )
            .catch(function (failure) {
              // The callback has shown the failure; add the server's reason.
              showError('Could not start recording to ' + alias + ': ' + reasonOf(failure) + '. Check the address and try again.');
            });
        });
      });
  }

  function reasonOf(error) {
    return (error && (error.reason || error.message)) || String(error);
  }

  function notice(text) {
    window.PEX.dispatchAction({ type: '[Demo] Notice', payload: text });
  }

  PEX.pluginAPI.registerPlugin({
    id: 'recording-plugin-1.0',
    load: load,
    unload: unload,
    recordConference: recordConference,
    state$: state$
  });
})();
