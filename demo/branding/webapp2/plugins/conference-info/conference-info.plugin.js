// A conference-menu plugin: the action receives the conference details and shows them in a
// dialog (promise style, getElementById right after it opens, an inline onclick handler).
(function () {
  function describe(details) {
    return 'The conference is ' + (details.locked ? 'locked' : 'unlocked') +
      ', guests are ' + (details.guestsMuted ? 'muted' : 'not muted') +
      ' and the media is ' + details.mediaType + '.';
  }

  function showInfo(conferenceDetails) {
    PEX.pluginAPI.openTemplateDialog({
      title: 'Conference info',
      body:
        '<p id="conferenceInfoText" class="pex-dialog-content-message"></p>' +
        '<div class="buttons">' +
        '  <button class="dialog-button blue-action-button" ' +
        '          onclick="window.PEX.dispatchAction({type: \'[Demo] Notice\', payload: \'Hello from an inline handler.\'})">Say hello</button>' +
        '  <button id="conferenceInfoOk" class="dialog-button green-action-button" autofocus>OK</button>' +
        '</div>'
    }).then(function (dialogRef) {
      document.getElementById('conferenceInfoText').textContent = describe(conferenceDetails);
      document.getElementById('conferenceInfoOk').addEventListener('click', function () { dialogRef.close('ok'); });
    });
  }

  PEX.pluginAPI.registerPlugin({ id: 'conference-info-plugin-1.0', load: function () {}, unload: function () {}, showInfo: showInfo });
})();
