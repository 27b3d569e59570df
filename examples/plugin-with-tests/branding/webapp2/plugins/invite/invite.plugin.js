// @ts-check
/// <reference types="pex-plugin-host/plugin-api" />
// Invite: a toolbar button that opens a dialog asking for an address, dials that address out
// into the conference (dialOut), and counts the people it invited in its label (state$).
// Leaving the conference (the client's "[Conference] Disconnect Success") starts the count again.
(function () {
  var invited = 0;
  var state$ = PEX.pluginAPI.createNewState({});
  /** @type {{unsubscribe(): void} | null} */
  var actionSubscription = null;

  function showCount() {
    // null means "the package's label".
    state$.next({ label: invited === 0 ? null : 'Invite someone (' + invited + ' invited)' });
  }

  function load() {
    actionSubscription = PEX.actions$.ofType(PEX.actions.DISCONNECT_SUCCESS).subscribe(function () {
      invited = 0;
      showCount();
    });
  }

  function unload() {
    if (actionSubscription) actionSubscription.unsubscribe();
    actionSubscription = null;
  }

  // The toolbar action.
  function openInvite() {
    PEX.pluginAPI
      .openTemplateDialog({
        title: 'Invite someone',
        body:
          '<form id="invitePluginForm" novalidate onsubmit="return false;">' +
          '  <label for="invitePluginAddress" class="pex-dialog-content-message">Address</label>' +
          '  <input id="invitePluginAddress" class="pex-text-input" type="text" placeholder="sip:alice@example.com" autocomplete="off" autofocus />' +
          '  <p id="invitePluginError" class="pex-dialog-content-message" role="alert" hidden></p>' +
          '  <div class="buttons"><button type="submit" class="dialog-button green-action-button">Invite</button></div>' +
          '</form>'
      })
      .then(function (dialogRef) {
        var form = /** @type {HTMLFormElement} */ (document.getElementById('invitePluginForm'));
        var input = /** @type {HTMLInputElement} */ (document.getElementById('invitePluginAddress'));
        var error = /** @type {HTMLElement} */ (document.getElementById('invitePluginError'));
        var button = /** @type {HTMLButtonElement} */ (form.querySelector('button'));

        /** @param {string} text */
        function showError(text) {
          error.textContent = text;
          error.hidden = false;
          button.disabled = false;
          input.focus();
        }

        form.addEventListener('submit', function () {
          var address = input.value.trim();
          if (!address) {
            showError('Type the address to invite.');
            return;
          }
          error.hidden = true;
          button.disabled = true;
          PEX.pluginAPI.dialOut(address, 'auto', 'guest').then(
            function (answer) {
              invited += 1;
              showCount();
              dialogRef.close(answer.result[0]);
            },
            function (failure) {
              showError('Could not invite ' + address + ': ' + ((failure && failure.reason) || failure) + '.');
            }
          );
        });
      });
  }

  PEX.pluginAPI.registerPlugin({
    id: 'invite-plugin-1.0',
    load: load,
    unload: unload,
    openInvite: openInvite,
    state$: state$
  });
})();
